package io.numicoin.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every problem of a rendered region release, read as a Kubernetes operator would and against the
 * services' code: one line each, naming the object and the fault. Empty when all is well.
 */
final class ManifestChecks {

    /** The problems, and the modules whose settings could not be checked because they are not in the repository. */
    record Report(List<String> problems, Set<String> uncheckedModules) {
    }

    private ManifestChecks() {
    }

    static Report check(Path root, Manifests manifests, String release, Set<String> externalSecrets) {
        List<String> problems = new ArrayList<>();
        if (manifests.workloads().isEmpty()) {
            problems.add("the release has no workloads");
        }
        WorkloadRules.check(manifests, problems);
        ServicePortRules.check(manifests, problems);
        SecretReferenceRules.check(manifests, externalSecrets, problems);
        NetworkPolicyRules.check(manifests, release, problems);
        EventSourceRule.check(manifests, problems);
        SmallInstallRules.check(manifests, problems);
        Set<String> unchecked = ChartSettingRules.check(root, manifests, problems);
        return new Report(problems, unchecked);
    }
}

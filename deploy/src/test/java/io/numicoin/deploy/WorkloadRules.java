package io.numicoin.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;

/**
 * Every container: liveness and readiness probes (not init containers: Kubernetes forbids them
 * there), CPU and memory requests and limits, a non-root user without privilege escalation. Every
 * NumiCoin component: a PodDisruptionBudget; every workload of several replicas: anti-affinity.
 */
final class WorkloadRules {

    private WorkloadRules() {
    }

    static void check(Manifests manifests, List<String> problems) {
        for (Manifests.Workload workload : manifests.workloads()) {
            PodSecurityContext pod = workload.template().getSpec().getSecurityContext();
            for (Container container : workload.template().getSpec().getInitContainers()) {
                resources(workload, container, problems);
                security(workload, pod, container, problems);
            }
            for (Container container : workload.containers()) {
                String where = workload.name() + "/" + container.getName();
                if (container.getLivenessProbe() == null) {
                    problems.add(where + ": no liveness probe");
                }
                if (container.getReadinessProbe() == null) {
                    problems.add(where + ": no readiness probe");
                }
                resources(workload, container, problems);
                security(workload, pod, container, problems);
            }
            // the small install's PostgreSQL and Kafka are single replicas that a budget could only block (docs/helm.md)
            boolean component = ChartSettingRules.MODULES.containsKey(workload.component());
            if (component && manifests.disruptionBudgets().stream().noneMatch(pdb -> selects(pdb, workload.podLabels()))) {
                problems.add(workload.name() + ": no PodDisruptionBudget selects its pods");
            }
            var affinity = workload.template().getSpec().getAffinity();
            if (workload.replicas() > 1 && (affinity == null || affinity.getPodAntiAffinity() == null)) {
                problems.add(workload.name() + ": " + workload.replicas() + " replicas without pod anti-affinity");
            }
        }
    }

    private static void resources(Manifests.Workload workload, Container container, List<String> problems) {
        ResourceRequirements resources = container.getResources();
        for (String resource : List.of("cpu", "memory")) {
            if (resources == null || !has(resources.getLimits(), resource)) {
                problems.add(workload.name() + "/" + container.getName() + ": no " + resource + " limit");
            }
            if (resources == null || !has(resources.getRequests(), resource)) {
                problems.add(workload.name() + "/" + container.getName() + ": no " + resource + " request");
            }
        }
    }

    private static void security(Manifests.Workload workload, PodSecurityContext pod, Container container, List<String> problems) {
        String where = workload.name() + "/" + container.getName();
        SecurityContext own = container.getSecurityContext();
        Boolean nonRoot = own != null && own.getRunAsNonRoot() != null ? own.getRunAsNonRoot() : pod == null ? null : pod.getRunAsNonRoot();
        Long user = own != null && own.getRunAsUser() != null ? own.getRunAsUser() : pod == null ? null : pod.getRunAsUser();
        if (!Boolean.TRUE.equals(nonRoot)) {
            problems.add(where + ": runAsNonRoot is not set");
        }
        if (user == null || user == 0) {
            problems.add(where + ": no numeric non-root runAsUser (the images name their user; Kubernetes cannot check a name)");
        }
        if (own == null || !Boolean.FALSE.equals(own.getAllowPrivilegeEscalation())) {
            problems.add(where + ": allowPrivilegeEscalation is not false");
        }
    }

    private static boolean has(Map<String, Quantity> quantities, String resource) {
        return quantities != null && quantities.get(resource) != null && !quantities.get(resource).toString().isBlank();
    }

    private static boolean selects(PodDisruptionBudget pdb, Map<String, String> labels) {
        return pdb.getSpec().getSelector() != null && Manifests.selects(pdb.getSpec().getSelector().getMatchLabels(), labels);
    }
}

package io.numicoin.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every problem of a compose file and the Dockerfile it builds with, read against the repository:
 * one line each, naming the service and what to change. Empty when all is well.
 */
public final class ComposeChecks {

    private ComposeChecks() {
    }

    /** Checks {@code compose} as if it were the repository's root {@code docker-compose.yml}. */
    public static List<String> problems(Path root, ComposeFile compose) {
        return problems(root, compose, root.resolve("Dockerfile"));
    }

    public static List<String> problems(Path root, ComposeFile compose, Path dockerfile) {
        Deployment deployment = new Deployment(root, compose);
        List<String> problems = new ArrayList<>();
        if (deployment.services().isEmpty()) {
            problems.add("the compose file has no services");
        }
        ServiceRules.check(deployment, problems);
        ModuleRules.check(deployment, problems);
        TestnetRules.check(deployment, problems);
        ToolRules.check(deployment, problems);
        DockerfileRules.check(deployment.root(), dockerfile, problems);
        return problems;
    }
}

package io.numicoin.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a service built from the repository needs: the root Dockerfile with a {@code SERVICE} that
 * names a module with a runnable jar; environment variables that are settings of that module's
 * code; published ports it listens on; a healthcheck on its management port; and addresses of
 * other services (URLs, Kafka servers, multiaddrs) that exist, listen there and are waited for.
 */
final class ModuleRules {

    private static final List<String> CHECKED_PREFIXES = List.of("NUMI_", "SPRING_", "SERVER_", "MANAGEMENT_");

    private ModuleRules() {
    }

    static void check(Deployment deployment, List<String> problems) {
        for (ComposeService service : deployment.services().values()) {
            if (service.build().isEmpty()) {
                continue;
            }
            String name = service.name();
            if (!build(deployment, service, problems) || ToolRules.isTool(service)) {
                continue;   // a tool's environment is no Spring setting: ToolRules
            }
            ServiceModule module = deployment.module(name).orElseThrow();
            environment(service, module, problems);
            ports(deployment, service, module, problems);
            healthcheck(deployment, service, problems);
            endpoints(deployment, service, problems);
        }
    }

    private static boolean build(Deployment deployment, ComposeService service, List<String> problems) {
        String name = service.name();
        String context = service.buildContext().orElse(".");
        if (!deployment.root().resolve(context).normalize().equals(deployment.root())) {
            problems.add(name + ": build context " + context + " is not the repository root (the Dockerfile builds with the Maven reactor)");
        }
        String dockerfile = service.dockerfile().orElse("Dockerfile");
        if (!deployment.root().resolve(context).resolve(dockerfile).normalize().equals(deployment.root().resolve("Dockerfile"))) {
            problems.add(name + ": builds with " + dockerfile + ", not the root Dockerfile that every service image shares");
        }
        String moduleName = Deployment.moduleName(service).orElse("");
        if (moduleName.isEmpty()) {
            problems.add(name + ": build has no SERVICE argument naming the module to build");
            return false;
        }
        Optional<ServiceModule> module = deployment.module(name);
        if (module.isEmpty()) {
            problems.add(name + ": SERVICE " + moduleName + " names no module of the repository");
            return false;
        }
        if (!module.get().runnableJar()) {
            problems.add(name + ": module " + moduleName + " builds no runnable jar (spring-boot-maven-plugin repackage with classifier exec)");
            return false;
        }
        return true;
    }

    private static void environment(ComposeService service, ServiceModule module, List<String> problems) {
        for (String variable : service.environment().keySet()) {
            if (CHECKED_PREFIXES.stream().anyMatch(variable::startsWith) && module.settingFor(variable).isEmpty()) {
                problems.add(service.name() + ": " + variable + " is no setting of " + module.name()
                        + " (not in its yml, its @ConfigurationProperties, nor Spring Boot's metadata)");
            }
        }
    }

    private static void ports(Deployment deployment, ComposeService service, ServiceModule module, List<String> problems) {
        Set<Integer> listening = deployment.listeningPorts(service.name());
        for (ComposeService.PublishedPort port : service.ports()) {
            if (!listening.contains(port.target())) {
                problems.add(service.name() + ": publishes container port " + port.target() + " (" + port.text() + "), but "
                        + module.name() + " listens on " + listening + " there");
            }
        }
    }

    private static void healthcheck(Deployment deployment, ComposeService service, List<String> problems) {
        List<String> test = service.healthcheck();
        int command = test.indexOf("numi-healthcheck");
        if (test.isEmpty()) {
            return;
        }
        if (command < 0 || command + 1 >= test.size()) {
            problems.add(service.name() + ": the healthcheck must run [\"CMD\", \"numi-healthcheck\", \"<management port>\"] "
                    + "(the image has no curl or wget); found " + test);
            return;
        }
        Optional<Integer> asked = Deployment.integer(test.get(command + 1));
        Optional<Integer> management = deployment.port(service.name(), "management.server.port");
        if (management.isEmpty()) {
            problems.add(service.name() + ": has no management.server.port for its healthcheck");
        } else if (!asked.equals(management)) {
            problems.add(service.name() + ": the healthcheck asks port " + test.get(command + 1) + ", but management.server.port is "
                    + management.get());
        }
    }

    private static void endpoints(Deployment deployment, ComposeService service, List<String> problems) {
        for (Map.Entry<String, String> setting : deployment.settings(service.name()).entrySet()) {
            for (Endpoint endpoint : Endpoint.in(setting.getValue())) {
                String where = service.name() + ": " + setting.getKey() + "=" + setting.getValue();
                if (endpoint.isLoopback()) {
                    problems.add(where + " points at the container itself (set " + Deployment.variableFor(setting.getKey()) + ")");
                } else if (!deployment.services().containsKey(endpoint.host())) {
                    problems.add(where + " names host " + endpoint.host() + ", which is no service of the compose file");
                } else if (!deployment.listeningPorts(endpoint.host()).contains(endpoint.port())) {
                    problems.add(where + ": " + endpoint.host() + " does not listen on " + endpoint.port() + " (it listens on "
                            + deployment.listeningPorts(endpoint.host()) + ")");
                } else if (!endpoint.host().equals(service.name()) && !service.dependsOn().containsKey(endpoint.host())) {
                    problems.add(where + " names " + endpoint.host() + " but does not depend on it (depends_on with service_healthy)");
                }
            }
        }
    }
}

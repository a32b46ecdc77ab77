package io.numicoin.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charts against the services' code: every environment variable of a service container is a
 * setting of its module (relaxed binding, as in the compose checks; variables that only feed other
 * variables through Kubernetes' {@code $(VAR)} expansion excepted; {@code JAVA_TOOL_OPTIONS}, which the JVM
 * reads, holds only options), the ports the container declares
 * are the ones the settings make it listen on, and the management port listens beyond loopback, so
 * the kubelet's probes and Prometheus reach it on the pod's address.
 */
final class ChartSettingRules {

    /** Chart (app.kubernetes.io/name) to the module it runs. */
    static final Map<String, String> MODULES = Map.of("node", "node-service", "mempool", "mempool-service", "miner", "miner-service",
            "explorer", "explorer-service", "seed", "seed-service", "gateway", "gateway", "pool", "pool-service");

    private static final Map<String, Optional<ServiceModule>> LOADED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");
    /** Read by the JVM as it starts (the collector, flags), not by the service. */
    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

    private ChartSettingRules() {
    }

    /** Checks; returns the modules the charts name that are not in the repository (yet), whose settings went unchecked. */
    static Set<String> check(Path root, Manifests manifests, List<String> problems) {
        Set<String> absent = new TreeSet<>();
        for (Manifests.Workload workload : manifests.workloads()) {
            String moduleName = MODULES.get(workload.component());
            if (moduleName == null) {
                continue;
            }
            Optional<ServiceModule> module = LOADED.computeIfAbsent(root + "/" + moduleName, k -> ServiceModule.load(root, moduleName));
            if (module.isEmpty()) {
                absent.add(moduleName);
                continue;
            }
            Container container = workload.containers().getFirst();
            Map<String, String> env = environment(container);
            Set<String> helpers = referenced(container);
            String where = workload.name() + "/" + container.getName();
            for (String variable : env.keySet()) {
                if (variable.equals(JVM_OPTIONS)) {
                    for (String option : env.get(variable).trim().split("\\s+")) {
                        if (!option.startsWith("-")) {
                            problems.add(where + ": " + JVM_OPTIONS + " holds '" + option + "', which is no JVM option (the JVM would not start)");
                        }
                    }
                    continue;
                }
                if (!helpers.contains(variable) && module.get().settingFor(variable).isEmpty()) {
                    problems.add(where + ": " + variable + " is no setting of " + moduleName);
                }
            }
            String address = module.get().effective("management.server.address", env).orElse("");
            if (LOOPBACK.contains(address)) {
                problems.add(where + ": management.server.address is " + address + ": probes and Prometheus cannot reach it (MANAGEMENT_SERVER_ADDRESS)");
            }
            port(where, container, "management", module.get().effective("management.server.port", env), problems);
            port(where, container, "http", module.get().effective("server.port", env), problems);
        }
        return absent;
    }

    private static void port(String where, Container container, String name, Optional<String> setting, List<String> problems) {
        Optional<Integer> declared = container.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort).findFirst();
        if (declared.isEmpty()) {
            problems.add(where + ": declares no container port named " + name);
        } else if (setting.isEmpty() || !setting.get().equals(String.valueOf(declared.get()))) {
            problems.add(where + ": container port " + name + " is " + declared.get() + ", but the service listens on " + setting.orElse("(unset)"));
        }
    }

    /** The container's environment; a value from a Secret or the pod reads as a placeholder. */
    private static Map<String, String> environment(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue() != null ? var.getValue() : "from-" + (var.getValueFrom().getSecretKeyRef() != null ? "secret" : "pod"));
        }
        return env;
    }

    private static Set<String> referenced(Container container) {
        Set<String> names = new TreeSet<>();
        for (EnvVar var : container.getEnv()) {
            if (var.getValue() != null) {
                Matcher matcher = REFERENCE.matcher(var.getValue());
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }
}

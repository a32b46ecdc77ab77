package io.numicoin.deploy;

import io.numicoin.devnet.cli.WalletEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a tool of the compose file needs: a service in the {@value #PROFILE} profile, run once per
 * command ({@code docker compose run --rm <tool> ...}) instead of started by {@code up}. The one tool
 * is the wallet (docs/docker.md): the devnet launcher's jar (module {@code devnet}) whose entrypoint
 * runs its {@code wallet} command; the variables it sets are ones the wallet reads
 * ({@link WalletEnvironment}); the node and mempool it names are services listening there (not the
 * container itself); its wallet directory is inside a named volume (or the keys would go with each
 * container); it publishes no port and has no restart policy (a command that ends is not restarted).
 * No healthcheck and no {@code depends_on}: it runs against a stack already up.
 */
final class ToolRules {

    static final String PROFILE = "tools";
    private static final String MODULE = "devnet";
    private static final String COMMAND = "wallet";

    private ToolRules() {
    }

    static boolean isTool(ComposeService service) {
        return service.body().get("profiles") instanceof List<?> profiles && profiles.contains(PROFILE);
    }

    static void check(Deployment deployment, List<String> problems) {
        for (ComposeService service : deployment.services().values()) {
            if (!isTool(service)) {
                continue;
            }
            String name = service.name();
            Optional<String> module = Deployment.moduleName(service);
            if (module.isEmpty() || !module.get().equals(MODULE)) {
                problems.add(name + ": a tool is built from module " + MODULE + " (the launcher jar with the wallet), found "
                        + module.map(m -> "SERVICE " + m).orElse("no build"));
                continue;
            }
            List<String> entrypoint = Yamls.list(service.body().get("entrypoint")).stream().map(Yamls::text).toList();
            int jar = entrypoint.indexOf("-jar");
            if (entrypoint.isEmpty() || !entrypoint.getFirst().equals("java") || jar < 0 || jar + 2 >= entrypoint.size()
                    || !entrypoint.get(jar + 2).equals(COMMAND)) {
                problems.add(name + ": the entrypoint must run the launcher's " + COMMAND + " command ([\"java\", ..., \"-jar\", "
                        + "\"application.jar\", \"" + COMMAND + "\"]); found " + entrypoint);
            }
            if (!service.ports().isEmpty()) {
                problems.add(name + ": a tool publishes no port (found " + service.ports().stream().map(ComposeService.PublishedPort::text).toList() + ")");
            }
            if (service.body().get("restart") != null) {
                problems.add(name + ": a tool has no restart policy (each command is a container that ends; found restart: "
                        + service.body().get("restart") + ")");
            }
            environment(deployment, service, problems);
        }
    }

    private static void environment(Deployment deployment, ComposeService service, List<String> problems) {
        String name = service.name();
        Map<String, String> environment = service.environment();
        for (String variable : environment.keySet()) {
            if (variable.startsWith("NUMI_") && !WalletEnvironment.VARIABLES.contains(variable)) {
                problems.add(name + ": " + variable + " is no variable the wallet reads (" + WalletEnvironment.VARIABLES + ")");
            }
        }
        for (String variable : List.of(WalletEnvironment.NODE, WalletEnvironment.MEMPOOL)) {
            String value = environment.get(variable);
            if (value == null) {
                continue;
            }
            for (Endpoint endpoint : Endpoint.in(value)) {
                String where = name + ": " + variable + "=" + value;
                if (endpoint.isLoopback()) {
                    problems.add(where + " points at the container itself");
                } else if (!deployment.services().containsKey(endpoint.host())) {
                    problems.add(where + " names host " + endpoint.host() + ", which is no service of the compose file");
                } else if (!deployment.listeningPorts(endpoint.host()).contains(endpoint.port())) {
                    problems.add(where + ": " + endpoint.host() + " does not listen on " + endpoint.port() + " (it listens on "
                            + deployment.listeningPorts(endpoint.host()) + ")");
                }
            }
        }
        if (!environment.containsKey(WalletEnvironment.NODE)) {
            problems.add(name + ": no " + WalletEnvironment.NODE + " (the wallet's default, 127.0.0.1:8080, is the container itself)");
        }
        String dir = environment.get(WalletEnvironment.WALLET_DIR);
        Path walletDir = Path.of(dir == null ? "" : dir);
        boolean kept = dir != null && walletDir.isAbsolute() && service.volumes().stream()
                .anyMatch(m -> !m.isBind() && !m.source().isEmpty() && walletDir.normalize().startsWith(Path.of(m.target()).normalize()));
        if (!kept) {
            problems.add(name + ": " + WalletEnvironment.WALLET_DIR + " " + (dir == null ? "is not set" : dir + " is not inside a named volume")
                    + " (the keys would be lost with the container)");
        }
    }
}

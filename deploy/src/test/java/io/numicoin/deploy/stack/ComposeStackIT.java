package io.numicoin.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.numicoin.deploy.ComposeFile;
import io.numicoin.deploy.ComposeService;
import io.numicoin.deploy.Repository;
import io.numicoin.devnet.wallet.NodeApi;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.money.Amount;
import io.numicoin.support.node.NodeChainTip;
import io.numicoin.testkit.TestKeys;
import io.numicoin.wallet.recovery.KeyRecovery;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The root docker-compose.yml, run for real with podman: the default stack (every service without a
 * profile; Prometheus and Grafana are the {@code monitoring} profile's) on stand-ins for the official
 * base images ({@link StandInImages}) and the services' images from the reactor's jars
 * ({@link ServiceImages}), under a project name and on free host ports of its own. Every service
 * becomes healthy; the monitoring profile's Prometheus (a stand-in from Debian's package; Grafana has
 * none) scrapes every service it is configured for and has the repository's rules loaded; the
 * {@code wallet} tool, run as {@code docker-compose run --rm wallet ...} the way a user with only
 * Docker would, imports the miner's key and creates another in its volume, reads a balance and
 * sends a transfer through the gateway, which is mined and shown by the explorer; the stack restarts
 * on its kept volumes with the same history and the same wallet keys; at the end it is taken down
 * with its volumes, also when something failed.
 */
class ComposeStackIT {

    /** The modules of the compose file's images: the services, and devnet's launcher jar for the wallet tool. */
    private static final List<String> MODULES = List.of("node-service", "mempool-service", "miner-service", "explorer-service",
            "pool-service", "seed-service", "gateway", "devnet");
    /** The compose file's published ports, each given a free port here (the devnet's may be in use). */
    private static final List<String> PORT_VARIABLES = List.of("NUMI_PORT_NODE1", "NUMI_PORT_NODE1_P2P", "NUMI_PORT_NODE2",
            "NUMI_PORT_NODE3", "NUMI_PORT_MEMPOOL", "NUMI_PORT_MINER", "NUMI_PORT_EXPLORER", "NUMI_PORT_POOL", "NUMI_PORT_POOL_STRATUM",
            "NUMI_PORT_SEED_DNS", "NUMI_PORT_GATEWAY", "NUMI_PORT_PROMETHEUS", "NUMI_PORT_GRAFANA");
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(10);

    @Test
    void theStackBecomesHealthyMinesATransferAndResumesOnItsVolumes() throws Exception {
        assumeTrue(Podman.installed() && Files.isExecutable(ComposeStack.DOCKER_COMPOSE) && Files.isExecutable(StandInImages.MMDEBSTRAP),
                "needs Debian's podman, runc, docker-compose and mmdebstrap (.ci/run installs them; docs/docker.md)");
        Path root = Repository.root();
        Path workDir = root.resolve("deploy/target/compose-it");
        Podman podman = Podman.configure(workDir);
        long start = System.nanoTime();
        StandInImages.Images standIns = new StandInImages(podman, root.resolve("deploy/standins"), workDir, ComposeStackIT::log).ensure();
        log("stand-in images ready after " + secondsSince(start) + " s: " + standIns);

        String project = "numiit" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        Map<String, Integer> ports = freePorts();
        Map<String, String> variables = new LinkedHashMap<>(standIns.composeEnvironment());
        variables.put("NUMI_IMAGE_REPOSITORY", ServiceImages.REPOSITORY);
        variables.put("NUMI_IMAGE_TAG", project);
        ports.forEach((name, port) -> variables.put(name, String.valueOf(port)));
        Set<String> services = defaultServices(root.resolve("docker-compose.yml"));

        ServiceImages images = new ServiceImages(podman, root, project);
        try (PodmanService api = PodmanService.start(podman, workDir); HealthPump pump = new HealthPump(podman, project)) {
            pump.start();
            ComposeStack stack = new ComposeStack(podman, root.resolve("docker-compose.yml"), project, api.dockerHost(), variables,
                    ComposeStackIT::log);
            try {
                images.build(MODULES, standIns.jdk(), workDir, ComposeStackIT::log);
                log("service images built after " + secondsSince(start) + " s");
                stack.up();
                stack.awaitHealthy(services, HEALTHY_WITHIN);
                log(services.size() + " services healthy after " + secondsSince(start) + " s");
                // Prometheus starts while the wallet works: its first scrapes are done by the time it is asked
                stack.upProfileService("monitoring", "prometheus");

                NodeApi gateway = new NodeApi(URI.create("http://127.0.0.1:" + ports.get("NUMI_PORT_GATEWAY")));
                Api explorer = new Api(gateway.base());
                WalletContainer wallet = WalletContainer.withNewPassphrase(stack, workDir.resolve("wallet-" + project));
                Transfer sent = sendWithTheWalletContainer(wallet, gateway, stack);
                String txid = sent.txid();
                long height = sent.height();
                // The gateway spreads reads over the three nodes, and the one that told the wallet may be ahead
                // of the others: each must hold the block before the gateway's answers are compared with it.
                String blockId = await("node1 holding a block at height " + height, Duration.ofMinutes(1),
                        () -> blockAtOrNull(node(ports, "NUMI_PORT_NODE1"), height));
                for (String other : List.of("NUMI_PORT_NODE2", "NUMI_PORT_NODE3")) {
                    await(other + " holding block " + height + " " + blockId, Duration.ofMinutes(2),
                            () -> blockId.equals(blockAtOrNull(node(ports, other), height)) ? Boolean.TRUE : null);
                }
                assertThat(gateway.transactionHeight(txid)).as("the gateway's height of the wallet's transfer").isEqualTo(height);
                log("the wallet container's transfer " + txid + " confirmed at height " + height + " after " + secondsSince(start) + " s");
                assertThat(WalletContainer.value(wallet.run("balance", "--key", "receiver"), "balance:"))
                        .as("the receiver's balance, read by the wallet container").isEqualTo("1.00000000 NUMI");

                checkPrometheus(new PrometheusProbe(new Api(URI.create("http://127.0.0.1:" + ports.get("NUMI_PORT_PROMETHEUS")))), root);
                log("Prometheus: every target up, every rule loaded after " + secondsSince(start) + " s");
                JsonNode shown = await("the explorer showing " + txid + " confirmed", Duration.ofMinutes(2),
                        () -> explorer.get("/api/v1/explorer/transactions/" + txid).filter(t -> t.path("status").path("confirmed").asBoolean())
                                .orElse(null));
                assertThat(shown.path("status").path("blockHeight").asLong(-1)).as("the explorer's block height of the transfer").isEqualTo(height);
                assertThat(shown.path("status").path("blockId").asString("")).as("the explorer's block of the transfer").isEqualTo(blockId);
                long tipBefore = gateway.chain().height();
                log("transfer " + txid + " mined at height " + height + " (block " + blockId + "), tip " + tipBefore + " after "
                        + secondsSince(start) + " s");

                stack.removeService("monitoring", "prometheus");
                stack.down(false).check();
                stack.up();
                stack.awaitHealthy(services, HEALTHY_WITHIN);
                log("restarted on kept volumes, healthy after " + secondsSince(start) + " s");
                NodeChainTip after = gateway.chain();
                assertThat(after.height()).as("the tip after the restart").isGreaterThanOrEqualTo(tipBefore);
                assertThat(blockAt(node(ports, "NUMI_PORT_NODE1"), height)).as("node1's block at height %d after the restart", height)
                        .isEqualTo(blockId);
                assertThat(gateway.transactionHeight(txid)).as("the transfer's height after the restart").isEqualTo(height);
                await("the chain growing past " + after.height() + " after the restart", Duration.ofMinutes(2),
                        () -> gateway.chain().height() > after.height() ? Boolean.TRUE : null);
                List<String> kept = wallet.run("balance", "--key", "receiver");
                assertThat(WalletContainer.value(kept, "balance:")).as("the receiver's balance after the restart, its key from the kept volume")
                        .isEqualTo("1.00000000 NUMI");
            } finally {
                stack.destroy();
                images.remove();
                log("stack " + project + " removed; " + secondsSince(start) + " s in all");
            }
            assertThat(podman.containersOf(project)).as("containers left of " + project).isEmpty();
        }
    }

    record Transfer(String txid, long height) {
    }

    /**
     * Through the wallet container only: imports testkit's key 0 (the compose miner's payout) from its
     * recovery words and creates a new key, both encrypted in the wallet volume; once a reward is
     * spendable, reads the payout's balance and sends 1 NUMI to the new key through the gateway,
     * waiting until it is in a block ({@code send --wait}).
     */
    private static Transfer sendWithTheWalletContainer(WalletContainer wallet, NodeApi gateway, ComposeStack stack) throws Exception {
        String payout = AddressFormat.encode(TestKeys.address(0), AddressHrp.REGTEST);
        String words = String.join(" ", KeyRecovery.mnemonic(TestKeys.key(0).privateKey()));
        List<String> imported = wallet.run("import", "--name", "miner", "--words", words, "--passphrase-source", WalletContainer.passphraseSource());
        assertThat(WalletContainer.value(imported, "address:")).as("the imported key's address").isEqualTo(payout);
        List<String> created = wallet.run("create", "--name", "receiver", "--passphrase-source", WalletContainer.passphraseSource());
        String receiver = WalletContainer.value(created, "address:");
        assertThat(receiver).as("the created key's address").startsWith("rnumi1").isNotEqualTo(payout);
        assertThat(WalletContainer.value(created, "key:")).as("where the key was written").startsWith("/var/lib/numi/wallets/receiver.numikey");
        assertThat(String.join("\n", created)).contains("RECOVERY WORDS");

        Amount needed = Amount.parseNumi("1.0001");
        await("a spendable reward for " + payout, Duration.ofMinutes(4),
                () -> gateway.account(payout).balanceUnits() > needed.units() ? Boolean.TRUE : null);
        List<String> balance = wallet.run("balance", "--key", "miner");
        assertThat(WalletContainer.value(balance, "address:")).isEqualTo(payout);
        String spendable = WalletContainer.value(balance, "balance:");
        assertThat(spendable).as("the payout's balance, read by the wallet container").endsWith(" NUMI");
        assertThat(new BigDecimal(spendable.replace(" NUMI", ""))).as("the payout's balance").isGreaterThan(new BigDecimal("1.0001"));

        List<String> sent = wallet.run("send", "--key", "miner", "--passphrase-source", WalletContainer.passphraseSource(),
                "--to", receiver, "--amount", "1", "--wait");
        String txid = WalletContainer.value(sent, "txid:");
        // SEEN: the gateway had no verdict from the mempool and the node took the transfer; the logs say why
        assertThat(WalletContainer.value(sent, "status:")).as(() -> "the gateway's answer to the wallet's transfer\n--- wallet:\n"
                + String.join("\n", sent) + "\n" + stack.logWarnings(List.of("gateway", "mempool", "node1"), 40) + "\n"
                + stack.logTails(List.of("gateway", "mempool", "node1"), 30)).startsWith("ACCEPTED");
        String confirmed = WalletContainer.value(sent, "confirmed in block");
        return new Transfer(txid, Long.parseLong(confirmed));
    }

    /** Every target of deploy/docker/prometheus.yml up (value 1), and every rule of monitoring/rules loaded. */
    private static void checkPrometheus(PrometheusProbe prometheus, Path root) throws Exception {
        Set<String> targets = PrometheusProbe.configuredTargets(root.resolve("deploy/docker/prometheus.yml"));
        assertThat(targets).as("the scrape targets of deploy/docker/prometheus.yml").hasSizeGreaterThanOrEqualTo(9);
        try {
            await("every scrape target up: " + targets, Duration.ofMinutes(2), () -> prometheus.targetsUp().containsAll(targets) ? Boolean.TRUE : null);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; up: " + prometheus.targetsUp() + "; not up: " + prometheus.targetsNotUp(), e);
        }
        assertThat(prometheus.targetsUp()).as("the targets whose up is 1").containsAll(targets);
        Set<String> rules = PrometheusProbe.repositoryRules(root.resolve("monitoring/rules"));
        assertThat(rules).as("the rules of monitoring/rules").isNotEmpty();
        assertThat(await("the rules loaded", Duration.ofMinutes(1), () -> prometheus.loadedRules().isEmpty() ? null : prometheus.loadedRules()))
                .as("the rule groups and names Prometheus loaded (/api/v1/rules)").isEqualTo(rules);
    }

    private static Api node(Map<String, Integer> ports, String variable) {
        return new Api(URI.create("http://127.0.0.1:" + ports.get(variable)));
    }

    private static String blockAt(Api node, long height) throws IOException, InterruptedException {
        String id = blockAtOrNull(node, height);
        assertThat(id).as("%s's block at height %d", node.base(), height).isNotNull();
        return id;
    }

    private static String blockAtOrNull(Api node, long height) throws IOException, InterruptedException {
        return node.get("/api/v1/blocks/height/" + height).map(b -> b.path("id").asString(null)).orElse(null);
    }

    /** Every service the default {@code docker compose up} starts: those without a profile. */
    private static Set<String> defaultServices(Path composeFile) {
        Set<String> services = new TreeSet<>();
        for (ComposeService service : ComposeFile.read(composeFile).services().values()) {
            if (service.body().get("profiles") == null) {
                services.add(service.name());
            }
        }
        return services;
    }

    /**
     * Free host ports for the stack, drawn below the kernel's ephemeral range: a port picked there could be
     * taken as the local end of some outgoing connection during the minutes the images take to build, and
     * then podman cannot publish it ("bind: address already in use").
     */
    private static Map<String, Integer> freePorts() throws IOException {
        int below = ephemeralRangeStart();
        Random random = new SecureRandom();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String variable : PORT_VARIABLES) {
            for (int attempt = 0; ; attempt++) {
                int port = 10_000 + random.nextInt(below - 10_000);
                if (!ports.containsValue(port) && bindable(port)) {
                    ports.put(variable, port);
                    break;
                }
                if (attempt == 1_000) {
                    throw new IOException("no free port between 10000 and " + below + " for " + variable);
                }
            }
        }
        return ports;
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port of {@code net.ipv4.ip_local_port_range} (Linux), 32768 where it cannot be read. */
    private static int ephemeralRangeStart() {
        try {
            int first = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
            return first > 11_000 ? first : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    /** Asks until the answer is not null; an exception counts as no answer yet (a service restarting). */
    private static <T> T await(String what, Duration limit, Callable<T> answer) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = answer.call();
                if (value != null) {
                    return value;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no " + what + " within " + limit + (last == null ? "" : " (last error: " + last + ")"));
    }

    private static long secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    private static void log(String line) {
        System.out.println("[ComposeStackIT] " + line);
    }
}

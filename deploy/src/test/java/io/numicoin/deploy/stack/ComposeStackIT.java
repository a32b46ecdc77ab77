package io.numicoin.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.numicoin.deploy.ComposeFile;
import io.numicoin.deploy.ComposeService;
import io.numicoin.deploy.Repository;
import io.numicoin.devnet.wallet.Account;
import io.numicoin.devnet.wallet.NodeApi;
import io.numicoin.support.node.NodeChainTip;
import io.numicoin.support.node.NodeTransactionAnswer;
import io.numicoin.devnet.wallet.TransferSigner;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.TestKeys;
import java.io.IOException;
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
 * becomes healthy, a transfer signed with the wallet's code goes through the gateway, is mined and
 * shown by the explorer; the stack restarts on its kept volumes with the same history; at the end
 * it is taken down with its volumes, also when something failed.
 */
class ComposeStackIT {

    private static final List<String> MODULES = List.of("node-service", "mempool-service", "miner-service", "explorer-service",
            "pool-service", "seed-service", "gateway");
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

                NodeApi gateway = new NodeApi(URI.create("http://127.0.0.1:" + ports.get("NUMI_PORT_GATEWAY")));
                Api explorer = new Api(gateway.base());
                String txid = sendThroughTheGateway(gateway);
                long height = await("the transfer " + txid + " mined", Duration.ofMinutes(3), () -> {
                    long h = gateway.transactionHeight(txid);
                    return h >= 0 ? h : null;
                });
                JsonNode shown = await("the explorer showing " + txid + " confirmed", Duration.ofMinutes(2),
                        () -> explorer.get("/api/v1/explorer/transactions/" + txid).filter(t -> t.path("status").path("confirmed").asBoolean())
                                .orElse(null));
                String blockId = blockAt(node(ports, "NUMI_PORT_NODE1"), height);
                assertThat(shown.path("status").path("blockHeight").asLong(-1)).as("the explorer's block height of the transfer").isEqualTo(height);
                assertThat(shown.path("status").path("blockId").asString("")).as("the explorer's block of the transfer").isEqualTo(blockId);
                for (String other : List.of("NUMI_PORT_NODE2", "NUMI_PORT_NODE3")) {
                    await(other + " holding block " + height + " " + blockId, Duration.ofMinutes(2),
                            () -> blockId.equals(blockAtOrNull(node(ports, other), height)) ? Boolean.TRUE : null);
                }
                long tipBefore = gateway.chain().height();
                log("transfer " + txid + " mined at height " + height + " (block " + blockId + "), tip " + tipBefore + " after "
                        + secondsSince(start) + " s");

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
            } finally {
                stack.destroy();
                images.remove();
                log("stack " + project + " removed; " + secondsSince(start) + " s in all");
            }
            assertThat(podman.containersOf(project)).as("containers left of " + project).isEmpty();
        }
    }

    /** Pays 1 NUMI from testkit's key 0 (the compose miner's payout, once a reward is spendable) to key 1. */
    private static String sendThroughTheGateway(NodeApi gateway) throws Exception {
        Account from = new Account(TestKeys.key(0), TestKeys.policy(0), TestKeys.address(0));
        String sender = AddressFormat.encode(from.address(), AddressHrp.REGTEST);
        Amount amount = Amount.parseNumi("1");
        Amount fee = Amount.parseNumi("0.0001");
        await("a spendable reward for " + sender, Duration.ofMinutes(4),
                () -> gateway.account(sender).balanceUnits() > amount.units() + fee.units() ? Boolean.TRUE : null);
        long nonce = gateway.account(sender).nonce() + 1;
        TransferTx tx = new TransferSigner().sign(NetworkParams.of(Network.REGTEST).chainId(), from, nonce, TestKeys.address(1), amount, fee,
                Bytes.of(new byte[0]));
        NodeTransactionAnswer submitted = gateway.submitTransaction(TransactionCodec.encode(tx));
        assertThat(submitted.status()).as("the gateway's answer to the transfer").isEqualTo("ACCEPTED");
        assertThat(submitted.txid()).isEqualTo(TransactionCodec.txid(tx).toHex());
        return submitted.txid();
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

    private static Map<String, Integer> freePorts() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String variable : PORT_VARIABLES) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports.put(variable, socket.getLocalPort());
            }
        }
        return ports;
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

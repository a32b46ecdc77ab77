package io.numicoin.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.devnet.process.ServiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ServicePlanTest {

    private final DevnetLayout layout = new DevnetLayout(Path.of("/d"));
    private final ServiceJars jars = new ServiceJars(Path.of("node.jar"), Path.of("mempool.jar"), Path.of("miner.jar"), Path.of("explorer.jar"),
            Path.of("gateway.jar"), Path.of("guard.jar"), Path.of("seed.jar"));

    private ServicePlan plan(int offset) {
        return new ServicePlan(layout, new DevnetPorts(offset), jars, "127.0.0.1:5433", "127.0.0.1:9092", "PEER1", "PEER2",
                "rnumi1faucet", Duration.ofSeconds(5), 101);
    }

    @Test
    void onlyNode1PublishesAndTheOthersBootstrapFromTheNodesBeforeThem() {
        ServicePlan plan = plan(0);
        assertThat(plan.node(1).arguments()).contains("--numi.events.publish=true", "--numi.p2p.mempool-relay.enabled=true")
                .noneMatch(a -> a.startsWith("--numi.p2p.bootstrap"));
        assertThat(plan.node(2).arguments()).contains("--numi.events.publish=false", "--numi.p2p.mempool-relay.enabled=false",
                "--numi.p2p.bootstrap[0]=/ip4/127.0.0.1/tcp/8333/p2p/PEER1");
        assertThat(plan.node(3).arguments()).contains("--numi.events.publish=false",
                "--numi.p2p.bootstrap[0]=/ip4/127.0.0.1/tcp/8333/p2p/PEER1",
                "--numi.p2p.bootstrap[1]=/ip4/127.0.0.1/tcp/8334/p2p/PEER2");
        for (int n = 1; n <= 3; n++) {
            assertThat(plan.node(n).arguments()).contains("--numi.api.mempool-url=http://127.0.0.1:8083");
            assertThat(plan.node(n).arguments()).contains("--numi.network=regtest", "--numi.p2p.discovery.mdns=false",
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5433/numi_node" + n,
                    "--numi.p2p.data-dir=/d/node" + n + "/p2p",
                    "--numi.node-key.passphrase-source=file:/d/node" + n + "/p2p/node-key.passphrase");
        }
    }

    @Test
    void node4KnowsOnlyTheSeedAndTheSeedCrawlsFromNode1() {
        ServicePlan plan = plan(0);
        assertThat(plan.node(4).arguments()).noneMatch(a -> a.startsWith("--numi.p2p.bootstrap"))
                .contains("--numi.p2p.discovery.dns-seeds[0]=seed.regtest.numi.test",
                        "--numi.p2p.discovery.dns-resolver=127.0.0.1:8053",
                        "--numi.p2p.listen=/ip4/127.0.0.1/tcp/8336",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5433/numi_node4");
        ServiceSpec seed = plan.seed();
        assertThat(seed.arguments()).contains("--numi.seed.dns.zone=seed.regtest.numi.test", "--numi.seed.dns.port=8053",
                "--numi.seed.dns.listen-host=127.0.0.1", "--numi.seed.default-port=8333",
                "--numi.seed.crawl.bootstrap[0]=/ip4/127.0.0.1/tcp/8333/p2p/PEER1",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5433/numi_seed");
        assertThat(seed.api()).contains("127.0.0.1:8053");
        assertThat(plan(100).seed().arguments()).contains("--numi.seed.dns.port=8153");
    }

    @Test
    void theMinerPaysTheFaucetAndIsPacedAfterMaturity() {
        ServiceSpec miner = plan(0).miner();
        assertThat(miner.arguments()).contains("--numi.miner.payout-address=rnumi1faucet",
                "--numi.miner.pacing.interval=5000ms", "--numi.miner.pacing.from-height=101",
                "--numi.upstream.node=http://127.0.0.1:8082", "--numi.upstream.mempool=http://127.0.0.1:8083");
        assertThat(plan(0).mempool().arguments()).contains("--numi.node.base-url=http://127.0.0.1:8082",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5433/numi_mempool");
    }

    @Test
    void theSecondMinerBuildsOnNode2sOwnTipWhileTheFirstFollowsTheEventSource() {
        ServiceSpec second = plan(0).secondMiner();
        assertThat(second.arguments()).contains("--numi.upstream.node=http://127.0.0.1:8085", "--numi.miner.view=node",
                "--numi.miner.template-poll=5000ms", "--numi.miner.pacing.interval=5000ms");
        assertThat(plan(0).miner().arguments()).noneMatch(a -> a.startsWith("--numi.miner.view"))
                .contains("--numi.upstream.node=http://127.0.0.1:8082");
    }

    @Test
    void theExplorerServesOn8090AndBackfillsFromNode1IntoItsOwnDatabase() {
        ServiceSpec explorer = plan(0).explorer();
        assertThat(explorer.api()).isEqualTo("http://127.0.0.1:8090/");
        assertThat(explorer.arguments()).contains("--server.port=8090", "--server.address=127.0.0.1",
                "--numi.node.base-url=http://127.0.0.1:8082", "--spring.kafka.bootstrap-servers=127.0.0.1:9092",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5433/numi_explorer");
        assertThat(explorer.readiness().toString()).isEqualTo("http://127.0.0.1:9090/actuator/health/readiness");
        assertThat(ServicePlan.DATABASES).contains("numi_explorer");
    }

    @Test
    void theMinerShowsTheNodesTheMiningTokenFromAFileNeverOnTheCommandLine() {
        String file = Path.of("/d/mining.token").toAbsolutePath().toString();
        for (int n = 1; n <= 3; n++) {
            assertThat(plan(0).node(n).arguments()).contains("--numi.api.mining-token-file=" + file)
                    .noneMatch(a -> a.startsWith("--numi.api.mining-token="));
        }
        assertThat(plan(0).miner().arguments()).contains("--numi.upstream.mining-token-file=" + file)
                .noneMatch(a -> a.startsWith("--numi.upstream.mining-token="));
    }

    @Test
    void theNodesTakeTheAdminTokenFromAFileNeverOnTheCommandLine() {
        String file = Path.of("/d/admin.token").toAbsolutePath().toString();
        for (int n = 1; n <= 4; n++) {
            assertThat(plan(0).node(n).arguments()).contains("--numi.admin.token-file=" + file)
                    .noneMatch(a -> a.startsWith("--numi.admin.token="));
        }
    }

    @Test
    void everyPortIsDistinctAndMovesWithTheOffset() {
        for (int offset : new int[] {0, 500}) {
            DevnetPorts ports = new DevnetPorts(offset);
            List<Integer> all = new java.util.ArrayList<>(List.of(ports.postgres(), ports.kafka(), ports.kafkaController(),
                    ports.mempoolApi(), ports.mempoolManagement(), ports.minerApi(), ports.minerManagement(),
                    ports.explorerApi(), ports.explorerManagement(), ports.gatewayApi(), ports.gatewayManagement()));
            IntStream.rangeClosed(1, 3).forEach(n -> all.addAll(List.of(ports.nodeApi(n), ports.nodeManagement(n), ports.nodeP2p(n))));
            assertThat(Set.copyOf(all)).hasSameSizeAs(all);
            assertThat(ports.nodeApi(1)).isEqualTo(8082 + offset);
            assertThat(ports.explorerApi()).isEqualTo(8090 + offset);
            assertThat(ports.all()).containsKeys(ports.explorerApi(), ports.explorerManagement());
        }
        assertThat(plan(500).node(1).readiness().toString()).isEqualTo("http://127.0.0.1:9582/actuator/health/readiness");
        assertThatThrownBy(() -> new DevnetPorts(-1)).hasMessageContaining("port offset");
    }
}

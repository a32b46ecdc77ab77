package io.numicoin.devnet;

import io.numicoin.devnet.process.ServiceSpec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of every service of the devnet: regtest, the embedded PostgreSQL (one database
 * each), the in-process Kafka broker, fixed loopback ports. node1 is the deployment's event
 * source ({@code numi.events.publish}); node2 dials node1, node3 dials node1 and node2 (mDNS
 * off: the devnet's nodes find each other through these addresses and peer exchange, not the LAN).
 * Each node's identity key is an encrypted keystore opened with a passphrase file ({@link NodeKeys}).
 * node4 is given no address at all: it finds the others only through the DNS seed (zone
 * {@value #SEED_ZONE} on 127.0.0.1, UDP and TCP), which crawls from node1 and hears node1's
 * {@code numi.peers.v1}. The miner pays the faucet and is paced once the faucet's first reward has matured; it shows the
 * nodes the devnet's mining token (a file in the data directory, never on a command line).
 *
 * @param postgresHost {@code 127.0.0.1:<port>} of the embedded PostgreSQL
 * @param kafka the broker's bootstrap address
 * @param node1PeerId node1's libp2p peer id (its key is made before it starts)
 * @param node2PeerId node2's libp2p peer id
 * @param paceFromHeight the miner mines at full speed below this height, then one block per {@code blockInterval}
 */
public record ServicePlan(
        DevnetLayout layout,
        DevnetPorts ports,
        ServiceJars jars,
        String postgresHost,
        String kafka,
        String node1PeerId,
        String node2PeerId,
        String faucetAddress,
        Duration blockInterval,
        long paceFromHeight) {

    static final List<String> COMMON_JVM = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED");

    public static final List<String> DATABASES = List.of("numi_node1", "numi_node2", "numi_node3", "numi_node4", "numi_mempool",
            "numi_explorer", "numi_gateway", "numi_seed");

    /** The devnet seed's zone. */
    public static final String SEED_ZONE = "seed.regtest.numi.test";

    public ServiceSpec node(int n) {
        List<String> args = new ArrayList<>(common(ports.nodeApi(n), ports.nodeManagement(n)));
        args.add("--spring.datasource.url=jdbc:postgresql://" + postgresHost + "/numi_node" + n);
        args.add("--numi.events.publish=" + (n == 1));
        // the event source gossips what the mempool accepts (the gateway submits to the mempool), as compose and Helm do
        args.add("--numi.p2p.mempool-relay.enabled=" + (n == 1));
        args.add("--numi.p2p.listen=/ip4/127.0.0.1/tcp/" + ports.nodeP2p(n));
        args.add("--numi.p2p.data-dir=" + layout.nodeP2p(n));
        args.add("--numi.node-key.passphrase-source=file:" + layout.nodeKeyPassphrase(n).toAbsolutePath());
        args.add("--numi.p2p.discovery.mdns=false");
        // POST /api/v1/transactions on any node answers with the mempool's verdict (docs/api.md)
        args.add("--numi.api.mempool-url=http://127.0.0.1:" + ports.mempoolApi());
        args.add("--numi.api.mining-token-file=" + layout.miningToken().toAbsolutePath());
        // admin operations on the management port (the chaos run's network-off/on): the token in a file, never on a command line
        args.add("--numi.admin.token-file=" + layout.adminToken().toAbsolutePath());
        if (n == 2 || n == 3) {
            args.add("--numi.p2p.bootstrap[0]=" + nodeAddress(1, node1PeerId));
        }
        if (n == 3) {
            args.add("--numi.p2p.bootstrap[1]=" + nodeAddress(2, node2PeerId));
        }
        if (n == 4) {  // no bootstrap: the seed only, asked again every few seconds while node4 knows too few peers
            args.add("--numi.p2p.discovery.dns-seeds[0]=" + SEED_ZONE);
            args.add("--numi.p2p.discovery.dns-resolver=127.0.0.1:" + ports.seedDns());
            args.add("--numi.p2p.discovery.seed-interval=5s");
        }
        String name = "node" + n;
        return new ServiceSpec(name, jars.node(), jvm("512m"), args, layout.service(name), layout.log(name),
                readiness(ports.nodeManagement(n)), "http://127.0.0.1:" + ports.nodeApi(n) + "/api/v1/chain",
                "/ip4/127.0.0.1/tcp/" + ports.nodeP2p(n));
    }

    public ServiceSpec mempool() {
        List<String> args = new ArrayList<>(common(ports.mempoolApi(), ports.mempoolManagement()));
        args.add("--spring.datasource.url=jdbc:postgresql://" + postgresHost + "/numi_mempool");
        args.add("--numi.node.base-url=http://127.0.0.1:" + ports.nodeApi(1));
        return new ServiceSpec("mempool", jars.mempool(), jvm("384m"), args, layout.service("mempool"),
                layout.log("mempool"), readiness(ports.mempoolManagement()),
                "http://127.0.0.1:" + ports.mempoolApi() + "/api/v1/mempool", "");
    }

    public ServiceSpec miner() {
        return miner("miner", 1, ports.minerApi(), ports.minerManagement(), List.of());
    }

    /**
     * The chaos runs' second miner: the same jar on its own ports with its own view of the chain
     * ({@code numi.miner.view=node}): it builds on node2's active tip, polled every block interval
     * (not on the event source's tips from {@code numi.chain.v1}), takes the mempool's transfers
     * only while the mempool is on that tip, and submits to node2. The first miner builds on node1's
     * tip and submits there: the two find blocks at one height, the nodes fork and reorganise.
     */
    public ServiceSpec secondMiner() {
        return miner("miner2", 2, ports.secondMinerApi(), ports.secondMinerManagement(),
                List.of("--numi.miner.view=node", "--numi.miner.template-poll=" + blockInterval.toMillis() + "ms"));
    }

    private ServiceSpec miner(String name, int node, int apiPort, int managementPort, List<String> extra) {
        List<String> args = new ArrayList<>(common(apiPort, managementPort));
        args.addAll(extra);
        args.add("--numi.upstream.node=http://127.0.0.1:" + ports.nodeApi(node));
        args.add("--numi.upstream.mempool=http://127.0.0.1:" + ports.mempoolApi());
        args.add("--numi.upstream.mining-token-file=" + layout.miningToken().toAbsolutePath());
        args.add("--numi.miner.payout-address=" + faucetAddress);
        args.add("--numi.miner.threads=1");
        args.add("--numi.miner.pacing.interval=" + blockInterval.toMillis() + "ms");
        args.add("--numi.miner.pacing.from-height=" + paceFromHeight);
        return new ServiceSpec(name, jars.miner(), jvm("256m"), args, layout.service(name), layout.log(name),
                readiness(managementPort), "http://127.0.0.1:" + apiPort + "/api/v1/miner", "");
    }

    /** The explorer: its read model in {@code numi_explorer}, backfilled from node1's API, then following the topics. */
    public ServiceSpec explorer() {
        List<String> args = new ArrayList<>(common(ports.explorerApi(), ports.explorerManagement()));
        args.add("--spring.datasource.url=jdbc:postgresql://" + postgresHost + "/numi_explorer");
        args.add("--numi.node.base-url=http://127.0.0.1:" + ports.nodeApi(1));
        return new ServiceSpec("explorer", jars.explorer(), jvm("384m"), args, layout.service("explorer"),
                layout.log("explorer"), readiness(ports.explorerManagement()),
                "http://127.0.0.1:" + ports.explorerApi() + "/", "");
    }

    /**
     * The gateway on 127.0.0.1:8080: reads over the three nodes, submissions to the mempool, the
     * explorer's routes; one replica, so its token buckets are in-process (no Redis), with roomy
     * anonymous limits for a developer's scripts (docs/gateway.md).
     */
    public ServiceSpec gateway() {
        List<String> args = new ArrayList<>(common(ports.gatewayApi(), ports.gatewayManagement()));
        args.add("--spring.datasource.url=jdbc:postgresql://" + postgresHost + "/numi_gateway");
        args.add("--numi.gateway.backends.node.urls=" + String.join(",",
                List.of(1, 2, 3).stream().map(n -> "http://127.0.0.1:" + ports.nodeApi(n)).toList()));
        args.add("--numi.gateway.backends.mempool.urls=http://127.0.0.1:" + ports.mempoolApi());
        args.add("--numi.gateway.backends.explorer.urls=http://127.0.0.1:" + ports.explorerApi());
        args.add("--numi.gateway.limits.store=local");
        args.add("--numi.gateway.limits.anonymous.rate=50");
        args.add("--numi.gateway.limits.anonymous.burst=200");
        args.add("--numi.gateway.limits.anonymous.expensive-rate=5");
        args.add("--numi.gateway.limits.anonymous.expensive-burst=20");
        args.add("--management.health.redis.enabled=false");
        return new ServiceSpec("gateway", jars.gateway(), jvm("256m"), args, layout.service("gateway"), layout.log("gateway"),
                readiness(ports.gatewayManagement()), "http://127.0.0.1:" + ports.gatewayApi() + "/api/v1/chain", "");
    }

    /**
     * The DNS seed: authoritative for {@value #SEED_ZONE} on 127.0.0.1, crawling from node1 with
     * loopback peers allowed and devnet-short intervals; node1's p2p port is the "default port" its
     * A records stand for.
     */
    public ServiceSpec seed() {
        List<String> args = new ArrayList<>(common(ports.seedApi(), ports.seedManagement()));
        args.add("--spring.datasource.url=jdbc:postgresql://" + postgresHost + "/numi_seed");
        args.add("--numi.seed.default-port=" + ports.nodeP2p(1));
        args.add("--numi.seed.dns.zone=" + SEED_ZONE);
        args.add("--numi.seed.dns.listen-host=127.0.0.1");
        args.add("--numi.seed.dns.port=" + ports.seedDns());
        args.add("--numi.seed.dns.refresh-interval=2s");
        args.add("--numi.seed.dns.answer-ttl=10s");
        args.add("--numi.seed.peers.allow-non-public=true");
        args.add("--numi.seed.peers.good-interval=30s");
        args.add("--numi.seed.peers.retry-interval=10s");
        args.add("--numi.seed.peers.max-retry-interval=2m");
        args.add("--numi.seed.crawl.bootstrap[0]=" + nodeAddress(1, node1PeerId));
        return new ServiceSpec("seed", jars.seed(), jvm("256m"), args, layout.service("seed"), layout.log("seed"),
                readiness(ports.seedManagement()), "dns " + SEED_ZONE + " @127.0.0.1:" + ports.seedDns() + " udp+tcp", "");
    }

    /** {@code /ip4/127.0.0.1/tcp/<port>/p2p/<id>}: where node {@code n} listens. */
    public String nodeAddress(int n, String peerId) {
        return "/ip4/127.0.0.1/tcp/" + ports.nodeP2p(n) + "/p2p/" + peerId;
    }

    private List<String> common(int apiPort, int managementPort) {
        return List.of(
                "--numi.network=regtest",
                "--server.port=" + apiPort,
                "--server.address=127.0.0.1",
                "--management.server.port=" + managementPort,
                "--management.server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.main.banner-mode=off");
    }

    private static List<String> jvm(String heap) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + heap);
        options.addAll(COMMON_JVM);
        return options;
    }

    private static URI readiness(int managementPort) {
        return URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
    }
}

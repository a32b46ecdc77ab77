package io.numicoin.node.p2p;

import io.numicoin.node.NodeApplication;
import io.numicoin.node.chain.ChainStatus;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.p2p.host.ConnectionGater;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One whole node (its own Spring context, database and node key) in the test JVM, on regtest,
 * listening on a random loopback port. Only a node started with {@code publish} writes events.
 */
public final class TestNode implements AutoCloseable {

    final String name;
    final TestDatabase db;
    final ConfigurableApplicationContext context;
    final NodeChainService chain;
    final NodeP2pService p2p;

    private TestNode(String name, TestDatabase db, ConfigurableApplicationContext context) {
        this.name = name;
        this.db = db;
        this.context = context;
        this.chain = context.getBean(NodeChainService.class);
        this.p2p = context.getBean(NodeP2pService.class);
    }

    static TestNode start(String name, EmbeddedKafka kafka, boolean publish, List<String> bootstrap, String... extra) {
        TestDatabase db = TestPostgres.shared().createDatabase("p2p_" + name);
        Path dir;
        try {
            dir = Files.createTempDirectory("numi-p2p-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = arguments(name, db, kafka, publish, dir, bootstrap);
        args.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NodeApplication.class)
                .run(args.toArray(String[]::new));
        return new TestNode(name, db, context);
    }

    /**
     * A test node's command line: its database, the broker, random HTTP and management ports,
     * regtest, p2p on a random loopback port with fast sync timings, and {@code bootstrap} peers.
     */
    /** The mining token of test nodes: {@code Authorization: Bearer} for {@code POST /api/v1/blocks} and the proposal endpoint. */
    public static final String MINING_TOKEN = "test-mining-token-0123456789";

    public static List<String> arguments(String name, TestDatabase db, EmbeddedKafka kafka, boolean publish, Path dataDir,
            List<String> bootstrap) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--server.port=0",
                "--management.server.port=0",
                "--spring.application.name=numi-node-" + name,
                "--numi.network=regtest",
                "--numi.events.publish=" + publish,
                "--numi.chain.verifier-threads=1",
                "--numi.p2p.data-dir=" + dataDir,
                "--numi.p2p.listen=/ip4/127.0.0.1/tcp/0",
                "--numi.p2p.sync.pow-threads=1",
                "--numi.p2p.sync.tick=50ms",
                "--numi.p2p.sync.bootstrap-retry=500ms",
                "--numi.p2p.sync.stall-timeout=3s",
                "--numi.p2p.sync.request-timeout=5s",
                "--numi.api.mining-token=" + MINING_TOKEN));
        if (!bootstrap.isEmpty()) {
            args.add("--numi.p2p.bootstrap=" + String.join(",", bootstrap));
        }
        return args;
    }

    /** This node's address with its peer id, for another node's bootstrap list. */
    String address() {
        Multiaddr bound = p2p.listenAddresses().getFirst();
        return bound.withPeerId(p2p.peerId()).toString();
    }

    PeerId peerId() {
        return p2p.peerId();
    }

    ChainStatus status() {
        return chain.status();
    }

    Hash256 tip() {
        return chain.status().tipId();
    }

    /** The state commitment in the tip's header. */
    Hash256 stateCommitment() {
        return chain.readTree(tree -> tree.entry(tree.bestBlockCandidate().id()).orElseThrow().header().stateCommitment());
    }

    BlockImportResult submit(Block block) {
        return chain.submitBlock(block);
    }

    Set<PeerId> peers() {
        return p2p.connectedPeers();
    }

    void dial(TestNode other) {
        p2p.dial(Multiaddr.parse(other.address())).join();
    }

    /** Refuses connections with {@code refused} (both directions) and drops the current ones. */
    void partitionFrom(Set<PeerId> refused) {
        p2p.host().setConnectionGater(new ConnectionGater() {
            @Override
            public boolean allowSecured(PeerId peer, Direction direction) {
                return !refused.contains(peer);
            }
        });
        refused.forEach(peer -> p2p.disconnect(peer).join());
    }

    void heal() {
        p2p.host().setConnectionGater(ConnectionGater.ALLOW_ALL);
    }

    @Override
    public void close() {
        context.close();
        db.close();
    }

    @Override
    public String toString() {
        return name;
    }
}

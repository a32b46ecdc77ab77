package io.numicoin.bench;

import io.numicoin.node.NodeApplication;
import io.numicoin.node.api.submit.TransactionSubmitter;
import io.numicoin.node.bus.ChainEventBus;
import io.numicoin.node.bus.NodeEvent;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.p2p.NodeP2pService;
import io.numicoin.node.relay.TransactionRelay;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.Disposable;

/**
 * One whole node for the p2p benchmark: a node-service Spring context in this JVM with its own
 * PostgreSQL database and throwaway node key, on regtest, p2p on a random loopback port, no
 * bootstrap list, mDNS off, publishing no events (Kafka is never contacted). Records when each
 * block connects on it ({@link #connectedAt}).
 */
final class BenchNode implements AutoCloseable {

    final String name;
    final NodeChainService chain;
    final NodeP2pService p2p;
    final TransactionSubmitter submitter;
    final TransactionRelay relay;
    private final TestDatabase db;
    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final Map<Hash256, Long> connectedNanos = new ConcurrentHashMap<>();
    private final Disposable connections;

    private BenchNode(String name, TestDatabase db, Path dataDir, ConfigurableApplicationContext context) {
        this.name = name;
        this.db = db;
        this.dataDir = dataDir;
        this.context = context;
        this.chain = context.getBean(NodeChainService.class);
        this.p2p = context.getBean(NodeP2pService.class);
        this.submitter = context.getBean(TransactionSubmitter.class);
        this.relay = context.getBean(TransactionRelay.class);
        this.connections = context.getBean(ChainEventBus.class).events()
                .filter(event -> event.event() instanceof NodeEvent.BlockConnected)
                .subscribe(event -> connectedNanos.putIfAbsent(((NodeEvent.BlockConnected) event.event()).id(), System.nanoTime()));
    }

    static BenchNode start(String name, String... extra) {
        TestDatabase db = TestPostgres.shared().createDatabase("bench_p2p_" + name);
        Path dir;
        try {
            dir = Files.createTempDirectory("numi-bench-p2p-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of(
                "--spring.config.location=" + nodeConfig(),
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--server.port=0",
                "--management.server.port=0",
                "--spring.application.name=numi-bench-node-" + name,
                "--numi.network=regtest",
                "--numi.events.publish=false",
                "--numi.integrity.check-blocks=0",
                "--numi.p2p.data-dir=" + dir,
                "--numi.p2p.listen=/ip4/127.0.0.1/tcp/0",
                "--numi.p2p.discovery.mdns=false"));
        args.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NodeApplication.class).run(args.toArray(String[]::new));
        return new BenchNode(name, db, dir, context);
    }

    /**
     * The node's own {@code application.yml}, from where {@link NodeApplication} was loaded: the
     * bench classpath also holds the mempool service's {@code application.yml}, which may come first.
     */
    private static String nodeConfig() {
        try {
            java.net.URI classes = NodeApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            if (classes.getScheme().equals("file") && Files.isDirectory(Path.of(classes))) {
                return Path.of(classes).resolve("application.yml").toUri().toString();
            }
            return "jar:" + classes + "!/application.yml";
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This node's listen address with its peer id. */
    Multiaddr address() {
        return p2p.listenAddresses().getFirst().withPeerId(p2p.peerId());
    }

    void dial(BenchNode other) {
        p2p.dial(other.address()).join();
    }

    long height() {
        return chain.status().height();
    }

    /** {@link System#nanoTime()} when {@code block} connected here, or null. */
    Long connectedAt(Hash256 block) {
        return connectedNanos.get(block);
    }

    @Override
    public void close() {
        connections.dispose();
        context.close();
        db.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

package io.numicoin.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.network.NetworkProtocols;
import io.numicoin.network.peers.PeerExchangeCodec;
import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.network.sync.SyncCodec;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.seed.crawl.CrawlSettings;
import io.numicoin.seed.crawl.Crawler;
import io.numicoin.seed.crawl.P2pPeerProbe;
import io.numicoin.seed.peers.PeerScoring;
import io.numicoin.seed.peers.PostgresPeerStore;
import io.numicoin.seed.peers.ScoringSettings;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code seed.crawl.peers_per_min}: the seed's crawler (the real p2p probe, 32 visits at once, a
 * PostgreSQL store) finds and visits {@value #HOSTS} libp2p hosts on 127.0.0.1 from one bootstrap
 * address, each answering status and peer exchange (8 random others); peers visited per minute,
 * from the first visit to the last host's.
 */
final class SeedCrawlBench implements BenchPart {

    static final int HOSTS = 64;

    @Override
    public String name() {
        return "seed crawl of " + HOSTS + " local hosts";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        NetworkParams regtest = NetworkParams.regtest();
        NetworkProtocols protocols = NetworkProtocols.of(Network.REGTEST, Duration.ofSeconds(5));
        ChainStatusMessage status = ChainStatusMessage.atGenesis(regtest);
        List<NettyHost> hosts = new ArrayList<>();
        List<Multiaddr> addresses = Collections.synchronizedList(new ArrayList<>());
        Random random = new Random(14);
        try (TestDatabase db = TestPostgres.shared().createDatabase("benchseedcrawl")) {
            for (int i = 0; i < HOSTS; i++) {
                NettyHost host = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
                RequestResponse.serve(host, protocols.status(),
                        (peer, request) -> CompletableFuture.completedFuture(SyncCodec.encodeStatus(status)));
                RequestResponse.serve(host, protocols.peers(), (peer, request) -> {
                    List<Multiaddr> some = new ArrayList<>();
                    synchronized (random) {
                        for (int k = 0; k < 8; k++) {
                            some.add(addresses.get(random.nextInt(addresses.size())));
                        }
                    }
                    return CompletableFuture.completedFuture(PeerExchangeCodec.encodeResponse(some));
                });
                addresses.add(host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).join().withPeerId(host.peerId()));
                hosts.add(host);
            }
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/seed").schemas("seed").defaultSchema("seed")
                    .load().migrate();
            ScoringSettings settings = new ScoringSettings(protocols.status().id().toString(), 0, true, Duration.ofHours(1),
                    Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(1), Duration.ofDays(30));
            PostgresPeerStore store = new PostgresPeerStore(new JdbcTemplate(db.dataSource()),
                    new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), new PeerScoring(settings), 10_000, 8);
            try (NettyHost crawlHost = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withConnectionLimits(0, 64))) {
                P2pPeerProbe probe = new P2pPeerProbe(crawlHost, protocols, status, Duration.ofSeconds(10), 32);
                Crawler crawler = new Crawler(store, probe, new CrawlSettings(32, Duration.ofMinutes(5)), Clock.systemUTC(),
                        new SimpleMeterRegistry());
                crawler.learnBootstrap(List.of(addresses.getFirst().toString()));
                JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
                long start = System.nanoTime();
                long deadline = start + Duration.ofMinutes(5).toNanos();
                while (visited(jdbc) < HOSTS) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + visited(jdbc) + " of " + HOSTS + " hosts visited in 5 minutes");
                    }
                    crawler.tick();
                    Thread.sleep(20);
                }
                double minutes = (System.nanoTime() - start) / 60e9;
                out.report("seed.crawl.peers_per_min", HOSTS / minutes, "peers/min");
                while (crawler.inFlight() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);  // the last visits finish before their database goes
                }
            }
        } finally {
            hosts.forEach(NettyHost::close);
        }
    }

    private static int visited(JdbcTemplate jdbc) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM seed.peers WHERE last_success IS NOT NULL", Integer.class);
        return n == null ? 0 : n;
    }
}

package io.numicoin.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.seed.dns.ClientRateLimiter;
import io.numicoin.seed.dns.DnsMetrics;
import io.numicoin.seed.dns.DnsResponder;
import io.numicoin.seed.dns.DnsServerSettings;
import io.numicoin.seed.dns.SeedAnswers;
import io.numicoin.seed.dns.SeedDnsServer;
import io.numicoin.seed.dns.SeedZone;
import io.numicoin.seed.peers.GoodPeer;
import io.numicoin.p2p.peer.PeerId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * {@code seed.dns.qps}: A queries for the zone's origin answered per second by the seed's DNS server
 * (two UDP workers, as in production), under the same closed-loop load as NSD (two server
 * processes) serving a zone of the same size (the same 24 A records, 24 dnsaddr TXT records, SOA,
 * NS) on the same machine: both answer 24 A records. After a warm-up of each, {@value #ROUNDS}
 * interleaved rounds (the order alternating) give {@code seed.dns.qps.over_reference} as the median
 * of the per-round ratios, with {@code .min} and {@code .max}.
 */
final class SeedDnsQpsBench implements BenchPart {

    static final String ORIGIN = "seed.regtest.numi.test.";
    static final int PEERS = 24;
    static final int ROUNDS = 5;
    static final int CLIENTS = 4;
    static final Duration ROUND = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "seed DNS answers per second against NSD";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        List<GoodPeer> peers = peers();
        SeedZone zone = SeedZone.of(ORIGIN, List.of("ns." + ORIGIN), "hostmaster." + ORIGIN, Duration.ofSeconds(60),
                Duration.ofHours(1), Duration.ofSeconds(60), 1);
        SeedAnswers answers = SeedAnswers.of(peers, 8333);
        DnsResponder responder = new DnsResponder(zone, () -> answers, PEERS, 1232);
        DnsServerSettings settings = new DnsServerSettings(new InetSocketAddress("127.0.0.1", 0), 2, 1e12, 1e12, 1024, 64, 64,
                Duration.ofSeconds(10), 32);
        byte[] query = query(ORIGIN, 1);
        try (SeedDnsServer seed = SeedDnsServer.start(settings, responder, new ClientRateLimiter(1024, 1e12, 1e12, System::nanoTime),
                new DnsMetrics(new SimpleMeterRegistry()));
                NsdReference nsd = NsdReference.start(ORIGIN, zoneFile(peers), 2)) {
            InterleavedRatio.Result ratio = InterleavedRatio.measure(1, ROUNDS,  // warm-up: JIT, caches
                    round -> UdpQueryLoad.answersPerSecond(seed.localAddress(), query, CLIENTS, ROUND),
                    round -> UdpQueryLoad.answersPerSecond(nsd.address(), query, CLIENTS, ROUND));
            for (int r = 0; r < ROUNDS; r++) {
                System.err.printf("bench: round %d: seed %.0f/s, nsd %.0f/s%n", r + 1, ratio.a()[r], ratio.b()[r]);
            }
            out.report("seed.dns.qps", ratio.medianA(), "queries/s");
            ratio.report(out, "seed.dns.qps.over_reference");
        }
    }

    static byte[] query(String name, int type) throws IOException {
        return Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(name), type, DClass.IN)).toWire();
    }

    static List<GoodPeer> peers() {
        Random random = new Random(14);
        List<GoodPeer> out = new ArrayList<>();
        for (int i = 1; i <= PEERS; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            out.add(new GoodPeer("/ip4/198.51.100." + i + "/tcp/8333", PeerId.fromEd25519PublicKey(key).toBase58()));
        }
        return out;
    }

    /** The same records as a zone file: SOA, NS, the 24 A records and the 24 dnsaddr TXT records. */
    static String zoneFile(List<GoodPeer> peers) {
        StringBuilder z = new StringBuilder("$ORIGIN " + ORIGIN + "\n$TTL 60\n")
                .append("@ 3600 IN SOA ns.").append(ORIGIN).append(" hostmaster.").append(ORIGIN).append(" 1 3600 600 1209600 60\n")
                .append("@ 3600 IN NS ns.").append(ORIGIN).append('\n');
        for (GoodPeer p : peers) {
            z.append("@ IN A ").append(p.address().split("/")[2]).append('\n');
        }
        for (GoodPeer p : peers) {
            z.append("_dnsaddr IN TXT \"dnsaddr=").append(p.dnsaddr()).append("\"\n");
        }
        return z.toString();
    }

}

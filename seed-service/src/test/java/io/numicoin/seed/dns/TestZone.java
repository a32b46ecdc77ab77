package io.numicoin.seed.dns;

import io.numicoin.seed.peers.GoodPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The regtest seed zone and deterministic good peers for the DNS tests. */
final class TestZone {

    static final String ORIGIN = "seed.regtest.numi.test";
    static final int DEFAULT_PORT = 8333;

    private TestZone() {
    }

    static SeedZone zone() {
        return SeedZone.of(ORIGIN, List.of("ns1." + ORIGIN, "ns2.example.net"), "hostmaster." + ORIGIN, Duration.ofSeconds(60),
                Duration.ofHours(1), Duration.ofSeconds(30), 2026120501L);
    }

    /** {@code v4} IPv4 and {@code v6} IPv6 peers on the default port, and {@code otherPort} IPv4 peers on 9000; ids from {@code seed}. */
    static List<GoodPeer> peers(int v4, int v6, int otherPort, long seed) {
        Random random = new Random(seed);
        List<GoodPeer> out = new ArrayList<>();
        for (int i = 0; i < v4; i++) {
            out.add(new GoodPeer("/ip4/198.51." + (i / 250) + "." + (1 + i % 250) + "/tcp/" + DEFAULT_PORT, peerId(random)));
        }
        for (int i = 0; i < v6; i++) {
            out.add(new GoodPeer("/ip6/2001:db8::" + Integer.toHexString(i + 1) + "/tcp/" + DEFAULT_PORT, peerId(random)));
        }
        for (int i = 0; i < otherPort; i++) {
            out.add(new GoodPeer("/ip4/203.0.113." + (1 + i % 250) + "/tcp/9000", peerId(random)));
        }
        return out;
    }

    /** A real Ed25519 peer id (from random key bytes). */
    static String peerId(Random random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return io.numicoin.p2p.peer.PeerId.fromEd25519PublicKey(key).toBase58();
    }
}

package io.numicoin.seed.peers;

import io.numicoin.p2p.multiaddr.Multiaddr;
import java.net.InetAddress;
import java.time.Duration;

/**
 * When a peer is good enough to hand out, and how long a bad one is left alone — bitcoin-seeder's
 * rules ({@code CAddrInfo::IsGood}, {@code GetBanTime}, {@code GetIgnoreTime}) on NumiCoin's facts.
 *
 * <p>Good: a known peer id, the network's status protocol announced, at least the minimum height,
 * a public address (unless allowed otherwise), and then either a short history that is mostly
 * successes (at most 3 attempts, at least half good) or one window over its threshold: 2 h
 * reliability above 0.85 over more than 2 attempts, 8 h 0.70 / 4, 1 d 0.55 / 8, 1 w 0.45 / 16,
 * 30 d 0.35 / 32.
 *
 * <p>Ban (not good): 30 d when the 30 d window, counting unknown time as success, is below 0.15 over
 * more than 32 attempts; 1 w for the 1 w window below 0.10 over 16; 1 d for the 1 d window below
 * 0.05 over 8. Ignore (crawled again only after): 10 d, 3 d, 8 h or 2 h for the 30 d, 1 w, 1 d or
 * 8 h windows below 0.20, 0.16, 0.12, 0.08.
 */
public final class GoodPeerRule {

    private final ScoringSettings settings;

    public GoodPeerRule(ScoringSettings settings) {
        this.settings = settings;
    }

    public boolean isGood(PeerRecord peer) {
        if (peer.peerId().isEmpty() || !peer.protocols().contains(settings.requiredProtocol())
                || peer.height() < settings.minHeight() || !(settings.allowNonPublic() || isPublic(peer.address()))) {
            return false;
        }
        Reliability r = peer.reliability();
        if (r.attempts() <= 3 && r.successes() * 2 >= r.attempts() && r.successes() > 0) {
            return true;
        }
        return over(r.h2(), 0.85, 2) || over(r.h8(), 0.70, 4) || over(r.d1(), 0.55, 8)
                || over(r.w1(), 0.45, 16) || over(r.d30(), 0.35, 32);
    }

    /** How long a peer that is not good is banned for its history; zero for none. */
    public Duration banTime(Reliability r) {
        if (under(r.d30(), 0.15, 32)) {
            return Duration.ofDays(30);
        }
        if (under(r.w1(), 0.10, 16)) {
            return Duration.ofDays(7);
        }
        if (under(r.d1(), 0.05, 8)) {
            return Duration.ofDays(1);
        }
        return Duration.ZERO;
    }

    /** How long a peer that is not good is left alone before its next crawl; zero for the normal interval. */
    public Duration ignoreTime(Reliability r) {
        if (r.d30().optimistic() < 0.20 && r.d1().count() > 2) {
            return Duration.ofDays(10);
        }
        if (r.w1().optimistic() < 0.16 && r.d1().count() > 2) {
            return Duration.ofDays(3);
        }
        if (r.d1().optimistic() < 0.12 && r.h8().count() > 2) {
            return Duration.ofHours(8);
        }
        if (r.h8().optimistic() < 0.08 && r.h2().count() > 2) {
            return Duration.ofHours(2);
        }
        return Duration.ZERO;
    }

    private static boolean over(ReliabilityWindow w, double reliability, int count) {
        return w.reliability() > reliability && w.count() > count;
    }

    private static boolean under(ReliabilityWindow w, double optimistic, int count) {
        return w.optimistic() < optimistic && w.count() > count;
    }

    /** Whether a TCP multiaddr's IP is publicly routable (not loopback, private, link-local, wildcard or multicast). */
    public static boolean isPublic(String address) {
        try {
            InetAddress ip = Multiaddr.parse(address).toTcpSocketAddress().getAddress();
            return ip != null && !(ip.isLoopbackAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress()
                    || ip.isAnyLocalAddress() || ip.isMulticastAddress() || isUniqueLocal(ip));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isUniqueLocal(InetAddress ip) {
        byte[] b = ip.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }
}

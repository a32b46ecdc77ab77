package io.numicoin.seed.dns;

import io.numicoin.seed.peers.GoodPeer;
import io.numicoin.seed.peers.TcpAddress;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * An immutable snapshot of what the seed hands out: IPv4 and IPv6 addresses of good peers listening
 * on the network's default port (an A or AAAA record carries no port), and the dnsaddr strings of all
 * good peers ({@code /ip4/.../tcp/<port>/p2p/<id>}, any port). Queries pick a random subset.
 */
public final class SeedAnswers {

    /** A TXT character-string holds at most 255 bytes. */
    static final int MAX_TXT_STRING = 255;
    static final String DNSADDR_PREFIX = "dnsaddr=";

    public static final SeedAnswers EMPTY = new SeedAnswers(List.of(), List.of(), List.of());

    private final List<InetAddress> ipv4;
    private final List<InetAddress> ipv6;
    private final List<String> dnsaddr;

    private SeedAnswers(List<InetAddress> ipv4, List<InetAddress> ipv6, List<String> dnsaddr) {
        this.ipv4 = List.copyOf(ipv4);
        this.ipv6 = List.copyOf(ipv6);
        this.dnsaddr = List.copyOf(dnsaddr);
    }

    public static SeedAnswers of(List<GoodPeer> peers, int defaultPort) {
        List<InetAddress> v4 = new ArrayList<>();
        List<InetAddress> v6 = new ArrayList<>();
        List<String> txt = new ArrayList<>();
        for (GoodPeer peer : peers) {
            TcpAddress parsed = TcpAddress.parse(peer.address()).orElse(null);
            if (parsed == null) {
                continue;
            }
            InetSocketAddress socket = parsed.socketAddress();
            if (socket.getPort() == defaultPort) {
                (socket.getAddress() instanceof Inet4Address ? v4 : v6).add(socket.getAddress());
            }
            String record = DNSADDR_PREFIX + peer.dnsaddr();
            if (record.length() <= MAX_TXT_STRING) {
                txt.add(record);
            }
        }
        return new SeedAnswers(v4, v6, txt);
    }

    public List<InetAddress> sampleIpv4(int n, RandomGenerator random) {
        return sample(ipv4, n, random);
    }

    public List<InetAddress> sampleIpv6(int n, RandomGenerator random) {
        return sample(ipv6, n, random);
    }

    public List<String> sampleDnsaddr(int n, RandomGenerator random) {
        return sample(dnsaddr, n, random);
    }

    public int size() {
        return dnsaddr.size();
    }

    /** {@code n} distinct elements in random order (all of them, shuffled, when there are no more). */
    static <T> List<T> sample(List<T> all, int n, RandomGenerator random) {
        int k = Math.min(n, all.size());
        int[] picked = new int[k];
        // A partial Fisher-Yates shuffle over the indices, the swaps kept in a map: O(k), whatever the list's size.
        Map<Integer, Integer> swapped = new HashMap<>();
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(all.size() - i);
            int atJ = swapped.getOrDefault(j, j);
            swapped.put(j, swapped.getOrDefault(i, i));
            picked[i] = atJ;
        }
        List<T> out = new ArrayList<>(k);
        for (int index : picked) {
            out.add(all.get(index));
        }
        return out;
    }
}

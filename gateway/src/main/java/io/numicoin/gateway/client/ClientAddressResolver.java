package io.numicoin.gateway.client;

import java.net.InetAddress;
import java.util.List;

/**
 * The client's address: the connection's peer, unless the peer is a trusted proxy; then the
 * {@code X-Forwarded-For} chain is read from the right (the hop nearest to us) and the first
 * address not of a trusted proxy is the client. An entry that is not an IP literal stops the walk
 * at the hop that wrote it (whoever wrote it is not trusted to name addresses). At most
 * {@link #MAX_HOPS} entries are read.
 */
public final class ClientAddressResolver {

    public static final int MAX_HOPS = 16;

    private final List<Cidr> trusted;

    public ClientAddressResolver(List<Cidr> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    public static ClientAddressResolver of(List<String> trustedProxies) {
        return new ClientAddressResolver(trustedProxies.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList());
    }

    /** The client of a connection from {@code peer} carrying the {@code X-Forwarded-For} header values. */
    public InetAddress resolve(InetAddress peer, List<String> forwardedFor) {
        InetAddress client = peer;
        if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return client;
        }
        String[] hops = String.join(",", forwardedFor).split(",");
        int read = 0;
        for (int i = hops.length - 1; i >= 0 && read < MAX_HOPS; i--, read++) {
            InetAddress hop = literal(hops[i].strip());
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static InetAddress literal(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

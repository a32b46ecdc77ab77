package io.numicoin.node.p2p.discovery;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.multiaddr.MultiaddrException;
import io.numicoin.p2p.multiaddr.Protocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves DNS seeds with the JDK's JNDI DNS provider: a seed's A and AAAA records become
 * {@code /ip4|ip6/<a>/tcp/<default port>}, and the libp2p dnsaddr TXT records of
 * {@code _dnsaddr.<seed>} ({@code dnsaddr=/ip4/.../tcp/.../p2p/...}) are taken as they are, a
 * {@code /dnsaddr/<name>} one followed up to {@value #MAX_DEPTH} levels. The resolver is the
 * system's, or {@code host:port} when given (tests point it at a server on 127.0.0.1). At most
 * {@value #MAX_ADDRESSES} addresses per seed; malformed records are skipped.
 */
public final class DnsSeedResolver {

    private static final Logger log = LoggerFactory.getLogger(DnsSeedResolver.class);
    public static final int MAX_DEPTH = 3;
    public static final int MAX_ADDRESSES = 64;
    private static final String DNSADDR_PREFIX = "dnsaddr=";

    private final Optional<InetSocketAddress> resolver;
    private final int defaultPort;
    private final Duration timeout;

    public DnsSeedResolver(Optional<InetSocketAddress> resolver, int defaultPort, Duration timeout) {
        this.resolver = resolver;
        this.defaultPort = defaultPort;
        this.timeout = timeout;
    }

    /** Every address the seed names (empty when it does not resolve). */
    public List<Multiaddr> resolve(String seed) {
        Set<Multiaddr> out = new LinkedHashSet<>();
        DirContext dns = null;
        try {
            dns = context();
            for (String ip : records(dns, seed, "A")) {
                out.add(tcp(ip));
            }
            for (String ip : records(dns, seed, "AAAA")) {
                out.add(tcp(ip));
            }
            dnsaddr(dns, seed, 0, out);
        } catch (NamingException | RuntimeException e) {
            log.info("DNS seed {} did not resolve: {}", seed, e.toString());
        } finally {
            if (dns != null) {
                try {
                    dns.close();
                } catch (NamingException ignored) {
                    // nothing held
                }
            }
        }
        return out.stream().limit(MAX_ADDRESSES).toList();
    }

    private void dnsaddr(DirContext dns, String name, int depth, Set<Multiaddr> out) throws NamingException {
        for (String txt : records(dns, "_dnsaddr." + name, "TXT")) {
            String value = unquote(txt);
            if (!value.startsWith(DNSADDR_PREFIX) || out.size() >= MAX_ADDRESSES) {
                continue;
            }
            try {
                Multiaddr address = Multiaddr.parse(value.substring(DNSADDR_PREFIX.length()));
                if (address.components().getFirst().protocol() == Protocol.DNSADDR) {
                    if (depth + 1 < MAX_DEPTH) {
                        dnsaddr(dns, address.components().getFirst().valueText(), depth + 1, out);
                    }
                } else {
                    out.add(address);
                }
            } catch (MultiaddrException e) {
                log.debug("skipping dnsaddr record '{}' of {}: {}", value, name, e.getMessage());
            }
        }
    }

    private static List<String> records(DirContext dns, String name, String type) throws NamingException {
        Attributes attributes;
        try {
            attributes = dns.getAttributes(absolute(name), new String[] {type});
        } catch (NameNotFoundException e) {
            return List.of();
        }
        Attribute attribute = attributes.get(type);
        List<String> values = new ArrayList<>();
        if (attribute != null) {
            NamingEnumeration<?> all = attribute.getAll();
            while (all.hasMore()) {
                values.add(String.valueOf(all.next()));
            }
        }
        return values;
    }

    private DirContext context() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, resolver.map(r -> "dns://" + hostText(r) + ":" + r.getPort()).orElse("dns:"));
        env.put("com.sun.jndi.dns.timeout.initial", Long.toString(Math.max(1, timeout.toMillis())));
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        return new InitialDirContext(env);
    }

    private static String hostText(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private Multiaddr tcp(String ip) {
        try {
            return Multiaddr.tcp(new InetSocketAddress(InetAddress.getByName(ip), defaultPort));  // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new MultiaddrException("not an IP address: " + ip);
        }
    }

    private static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }

    private static String unquote(String txt) {
        String t = txt.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}

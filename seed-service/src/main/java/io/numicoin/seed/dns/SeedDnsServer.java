package io.numicoin.seed.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;

/**
 * The seed's authoritative DNS server: UDP and TCP on one address and port, both answered by one
 * {@link DnsResponder} under one per-client {@link ClientRateLimiter}.
 */
public final class SeedDnsServer implements AutoCloseable {

    private static final int BIND_ATTEMPTS = 20;

    private final UdpDnsServer udp;
    private final TcpDnsServer tcp;

    private SeedDnsServer(UdpDnsServer udp, TcpDnsServer tcp) {
        this.udp = udp;
        this.tcp = tcp;
    }

    /** Binds both transports and starts serving. With port 0 the UDP port is picked first and TCP takes the same one. */
    public static SeedDnsServer start(DnsServerSettings settings, DnsResponder responder, ClientRateLimiter limiter, DnsMetrics metrics) {
        for (int attempt = 0; ; attempt++) {
            UdpDnsServer udp = null;
            try {
                udp = new UdpDnsServer(settings.listen(), responder, limiter, metrics);
                InetSocketAddress bound = udp.localAddress();
                TcpDnsServer tcp = new TcpDnsServer(bound, responder, limiter, metrics, settings.tcpMaxConnections(),
                        settings.tcpMaxPerClient(), settings.tcpIdleTimeout(), settings.tcpMaxQueriesPerConnection());
                udp.start(settings.udpWorkers());
                tcp.start();
                return new SeedDnsServer(udp, tcp);
            } catch (BindException e) {
                closeQuietly(udp);
                if (settings.listen().getPort() != 0 || attempt + 1 >= BIND_ATTEMPTS) {
                    throw new UncheckedIOException("cannot listen on " + settings.listen() + " (UDP and TCP)", e);
                }
            } catch (IOException e) {
                closeQuietly(udp);
                throw new UncheckedIOException("cannot listen on " + settings.listen(), e);
            }
        }
    }

    /** The bound address; UDP and TCP share it. */
    public InetSocketAddress localAddress() {
        return tcp.localAddress();
    }

    @Override
    public void close() {
        closeQuietly(udp);
        try {
            tcp.close();
        } catch (IOException ignored) {
            // stopping
        }
    }

    private static void closeQuietly(UdpDnsServer server) {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // stopping
            }
        }
    }
}

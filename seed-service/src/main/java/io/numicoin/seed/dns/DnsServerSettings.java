package io.numicoin.seed.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the DNS server listens and what it allows.
 *
 * @param listen UDP and TCP on the same address and port (port 0: a free port, the same for both)
 * @param udpWorkers threads receiving UDP queries
 * @param rateBurst queries a client IP (an IPv6 /64) may send at once, refilled at {@code ratePerSecond}
 * @param rateSlots size of the rate limiter's table (a power of two)
 * @param tcpMaxConnections TCP connections at once; {@code tcpMaxPerClient} of them from one IP
 */
public record DnsServerSettings(
        InetSocketAddress listen,
        int udpWorkers,
        double rateBurst,
        double ratePerSecond,
        int rateSlots,
        int tcpMaxConnections,
        int tcpMaxPerClient,
        Duration tcpIdleTimeout,
        int tcpMaxQueriesPerConnection) {

    public DnsServerSettings {
        Objects.requireNonNull(listen, "listen");
        if (udpWorkers < 1 || rateBurst < 1 || ratePerSecond <= 0 || tcpMaxConnections < 1 || tcpMaxPerClient < 1
                || tcpMaxQueriesPerConnection < 1 || tcpIdleTimeout.isNegative() || tcpIdleTimeout.isZero()) {
            throw new IllegalArgumentException("DNS server limits must be positive");
        }
    }
}

package io.numicoin.seed.dns;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** {@code seed.dns.replies} by transport and {@link DnsReply.Kind}, and {@code seed.dns.rate_limited} by transport. */
public final class DnsMetrics {

    private final Map<DnsTransport, Map<DnsReply.Kind, Counter>> replies = new EnumMap<>(DnsTransport.class);
    private final Map<DnsTransport, Counter> limited = new EnumMap<>(DnsTransport.class);

    public DnsMetrics(MeterRegistry registry) {
        for (DnsTransport transport : DnsTransport.values()) {
            Map<DnsReply.Kind, Counter> byKind = new EnumMap<>(DnsReply.Kind.class);
            for (DnsReply.Kind kind : DnsReply.Kind.values()) {
                byKind.put(kind, Counter.builder("seed.dns.replies").tag("transport", transport.name().toLowerCase())
                        .tag("kind", kind.name().toLowerCase()).register(registry));
            }
            replies.put(transport, byKind);
            limited.put(transport, Counter.builder("seed.dns.rate_limited").tag("transport", transport.name().toLowerCase())
                    .register(registry));
        }
    }

    void reply(DnsTransport transport, DnsReply.Kind kind) {
        replies.get(transport).get(kind).increment();
    }

    void rateLimited(DnsTransport transport) {
        limited.get(transport).increment();
    }
}

package io.numicoin.gateway.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log line and one {@code numi.gateway.requests} timing per answer, tagged by route,
 * status and key id (the public id or {@code anonymous}; never the key). The log has the client's
 * address, the key id, method, path without the query, route, status and time: no header values,
 * no secrets. Shared by the WebFlux side ({@link EdgeFilter}) and the fast read path.
 */
public final class AnswerLog {

    private static final Logger access = LoggerFactory.getLogger("numi.gateway.access");

    private final MeterRegistry meters;
    /** The timers already registered (as many as the registry holds): no tag list and meter id built per request. */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    public AnswerLog(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * @param route the route id, {@code none} for refusals before routing
     * @param key the key id or {@code anonymous}
     * @param client the client's address, {@code -} when not known
     * @param path the path without the query
     */
    public void record(String route, int status, String key, String client, String method, String path, long nanos) {
        timers.computeIfAbsent(new TimerKey(route, status, key), k -> Timer.builder("numi.gateway.requests")
                        .description("requests answered by the gateway")
                        .tag("route", k.route()).tag("status", Integer.toString(k.status())).tag("key", k.key())
                        .register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
        if (access.isInfoEnabled()) {
            access.info("{} {} {} {} route={} status={} ms={}", client, key, method, path, route, status, nanos / 1_000_000);
        }
    }

    private record TimerKey(String route, int status, String key) {
    }
}

package io.numicoin.gateway.limit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

/**
 * The shared buckets, or this replica's own while the shared store fails or is slow: the API
 * stays limited (per replica) instead of failing open or refusing everyone. Each fallback is
 * counted ({@code numi.gateway.limiter.fallbacks}).
 */
public final class FallbackTokenBuckets implements TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(FallbackTokenBuckets.class);

    private final TokenBuckets shared;
    private final TokenBuckets local;
    private final Duration timeout;
    private final Counter fallbacks;

    public FallbackTokenBuckets(TokenBuckets shared, TokenBuckets local, Duration timeout, MeterRegistry meters) {
        this.shared = shared;
        this.local = local;
        this.timeout = timeout;
        this.fallbacks = Counter.builder("numi.gateway.limiter.fallbacks")
                .description("requests limited by this replica's own buckets because the shared store failed")
                .register(meters);
    }

    @Override
    public Mono<Verdict> take(String key, Limits.Bucket bucket) {
        Mono<Verdict> verdict = shared.take(key, bucket);
        if (verdict instanceof Fuseable.ScalarCallable) {
            // decided without asking the store (a leased token, a remembered refusal): nothing to wait for, so no
            // timer (Mono.timeout scheduled and cancelled one on a shared scheduler per request: 20 % of the fast path)
            return verdict;
        }
        return verdict.timeout(timeout).onErrorResume(e -> {
            fallbacks.increment();
            log.warn("shared rate-limit store failed ({}); limiting with this replica's buckets", e.toString());
            return local.take(key, bucket);
        });
    }
}

package io.numicoin.gateway.web;

import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.limit.Verdict;
import io.numicoin.gateway.route.PublicRoute;
import io.numicoin.support.problem.ProblemAnswer;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What a token bucket's verdict puts on an answer: {@code RateLimit-Limit}, {@code RateLimit-Remaining},
 * {@code RateLimit-Reset} (seconds until the bucket is full) and {@code RateLimit-Policy} on every one;
 * a refusal is 429 {@code RATE_LIMITED} with {@code Retry-After} (seconds until a token is there).
 */
public final class RateLimitHeaders {

    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String RETRY_AFTER = "Retry-After";

    private RateLimitHeaders() {
    }

    /** Sets the {@code RateLimit-*} headers with {@code set} (name, value). */
    public static void apply(Limits.Bucket bucket, Verdict verdict, BiConsumer<String, String> set) {
        set.accept("RateLimit-Limit", Integer.toString(bucket.capacity()));
        set.accept("RateLimit-Remaining", Long.toString(verdict.remaining()));
        set.accept("RateLimit-Reset", Long.toString(seconds(verdict.fullInMillis())));
        set.accept("RateLimit-Policy", bucket.capacity() + ";w=" + seconds((long) Math.ceil(bucket.capacity() / bucket.rate() * 1000)));
    }

    /** The {@code Retry-After} of a refusal, in whole seconds (at least 1). */
    public static long retryAfterSeconds(Verdict verdict) {
        return seconds(verdict.retryAfterMillis());
    }

    /** The 429 problem of a refusal on {@code route}. */
    public static ProblemAnswer refusal(PublicRoute route, Verdict verdict) {
        long retry = retryAfterSeconds(verdict);
        return new ProblemAnswer(429, RATE_LIMITED,
                "too many " + route.cost().name().toLowerCase(Locale.ROOT) + " requests; retry after " + retry + " s",
                Map.of("retryAfterSeconds", retry));
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}

package io.numicoin.gateway.limit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis, one hash per bucket updated by one Lua script (atomic, on the server's clock):
 * every gateway replica sharing the Redis shares the budget. Keys are {@code <prefix>:<key>} and
 * expire once the bucket would be full again.
 */
public final class RedisTokenBuckets implements TokenBuckets, BatchTokenBuckets {

    /**
     * The script's text, read once: a script made from a class-path resource would have Spring
     * check the resource's modification time before every call (in an exec jar that throws and
     * catches a FileNotFoundException and opens the jar entry per request).
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = RedisScript.of(script(), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;

    public RedisTokenBuckets(ReactiveStringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public Mono<Verdict> take(String key, Limits.Bucket bucket) {
        return takeUpTo(key, bucket, 1).map(Grant::verdict);
    }

    @Override
    public Mono<Grant> takeUpTo(String key, Limits.Bucket bucket, int n) {
        return redis.execute(SCRIPT, List.of(prefix + ":" + key),
                        List.of(Double.toString(bucket.rate()), Integer.toString(bucket.capacity()), Integer.toString(n)))
                .next()
                .map(RedisTokenBuckets::grant);
    }

    private static String script() {
        try (InputStream in = new ClassPathResource("io/numicoin/gateway/limit/token_bucket.lua").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the token bucket script is missing from the gateway's jar", e);
        }
    }

    private static Grant grant(List<?> answer) {
        if (answer.size() != 4) {
            throw new IllegalStateException("token bucket script answered " + answer);
        }
        return new Grant((int) number(answer.get(0)), number(answer.get(1)), number(answer.get(2)), number(answer.get(3)));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
}

package io.numicoin.gateway.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Buckets in this process only: one replica's budget (the devnet), and the fallback while Redis is
 * unreachable. A bucket that has refilled is the same as none, so the map is swept of them when it
 * passes {@code sweepAbove} entries; it stays bounded by the clients active within a refill time.
 */
public final class LocalTokenBuckets implements TokenBuckets, BatchTokenBuckets {

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final int sweepAbove;

    public LocalTokenBuckets(LongSupplier nanoTime, int sweepAbove) {
        this.nanoTime = nanoTime;
        this.sweepAbove = sweepAbove;
    }

    public LocalTokenBuckets() {
        this(System::nanoTime, 100_000);
    }

    @Override
    public Mono<Verdict> take(String key, Limits.Bucket bucket) {
        return Mono.fromSupplier(() -> takeNow(key, bucket));
    }

    @Override
    public Mono<Grant> takeUpTo(String key, Limits.Bucket bucket, int n) {
        return Mono.fromSupplier(() -> takeUpToNow(key, bucket, n));
    }

    Verdict takeNow(String key, Limits.Bucket bucket) {
        return takeUpToNow(key, bucket, 1).verdict();
    }

    Grant takeUpToNow(String key, Limits.Bucket bucket, int n) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > sweepAbove) {
            buckets.entrySet().removeIf(e -> e.getValue().math().fullAt(e.getValue().bucket(), now));
        }
        Entry entry = buckets.computeIfAbsent(key, k -> new Entry(new TokenBucketMath(bucket.capacity(), now), bucket));
        return entry.math().takeUpTo(bucket, now, n);
    }

    /** Buckets held now. */
    public int size() {
        return buckets.size();
    }

    private record Entry(TokenBucketMath math, Limits.Bucket bucket) {
    }
}

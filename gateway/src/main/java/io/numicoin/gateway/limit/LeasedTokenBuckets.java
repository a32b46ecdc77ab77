package io.numicoin.gateway.limit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * The shared buckets without a round trip per request: a replica takes a bucket's tokens from the
 * shared store in small batches (a lease) and hands them out itself, and remembers a refusal until
 * the store's bucket can hold a token again.
 *
 * <p>A bucket's batch is a twentieth of its capacity, at most {@value #MAX_BATCH} (a capacity under
 * 40 leases one token at a time: every request asks the store, as without leases). A lease's tokens
 * are dropped {@code leaseTime} after it was granted. What this does to one shared budget, for
 * {@code R} replicas and batch {@code b}: a replica never serves a token the store did not grant,
 * so the store's bucket still bounds every replica together, only shifted in time by at most
 * {@code leaseTime}: over any interval a client gets at most {@code capacity + rate × (interval +
 * leaseTime)} and never more than {@code R × (b − 1)} above the bucket's own bound; and it may be
 * refused while up to {@code R × (b − 1)} of its tokens sit unused in other replicas' leases (those
 * are lost when the lease ends). A remembered refusal is exact: only time refills a bucket.
 */
public final class LeasedTokenBuckets implements TokenBuckets {

    /** The largest batch a replica leases. */
    public static final int MAX_BATCH = 64;
    /** A batch is at most this share of the bucket's capacity (1/20). */
    public static final int CAPACITY_PER_BATCH_TOKEN = 20;

    private final BatchTokenBuckets shared;
    private final LongSupplier nanoTime;
    private final long leaseNanos;
    private final int sweepAbove;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    public LeasedTokenBuckets(BatchTokenBuckets shared, Duration leaseTime, LongSupplier nanoTime, int sweepAbove) {
        this.shared = shared;
        this.leaseNanos = leaseTime.toNanos();
        this.nanoTime = nanoTime;
        this.sweepAbove = sweepAbove;
    }

    public LeasedTokenBuckets(BatchTokenBuckets shared, Duration leaseTime) {
        this(shared, leaseTime, System::nanoTime, 100_000);
    }

    /** How many tokens a replica leases at once from a bucket of this capacity. */
    public static int batch(Limits.Bucket bucket) {
        return Math.max(1, Math.min(MAX_BATCH, bucket.capacity() / CAPACITY_PER_BATCH_TOKEN));
    }

    /**
     * Takes the token now, when this is called: a verdict the lease decides (a token on hand, a
     * remembered refusal) is a plain {@code Mono.just}, with no operator or timer behind it (see
     * {@link FallbackTokenBuckets}); one that needs the store completes when the batch arrives.
     */
    @Override
    public Mono<Verdict> take(String key, Limits.Bucket bucket) {
        long now = nanoTime.getAsLong();
        if (leases.size() > sweepAbove) {
            leases.values().removeIf(lease -> lease.idle(now));
        }
        return leases.computeIfAbsent(key, k -> new Lease()).take(key, bucket, now);
    }

    /** Leases held now. */
    public int size() {
        return leases.size();
    }

    /** One bucket's tokens on hand in this replica, its remembered refusal, and the batch being fetched. */
    private final class Lease {
        private int tokens;
        private long expiresAt;
        private long grantedAt;
        private long remainingAtGrant;
        private long fullInMillisAtGrant;
        private long refusedUntil;
        private Mono<Grant> refill;

        Mono<Verdict> take(String key, Limits.Bucket bucket, long now) {
            Mono<Grant> pending;
            synchronized (this) {
                if (refusedUntil - now > 0) {
                    return Mono.just(new Verdict(false, 0, Math.max(1, (refusedUntil - now) / 1_000_000), fullInMillis(now)));
                }
                if (tokens > 0 && expiresAt - now > 0) {
                    tokens--;
                    return Mono.just(new Verdict(true, remainingAtGrant + tokens, 0, fullInMillis(now)));
                }
                if (refill == null) {
                    refill = shared.takeUpTo(key, bucket, batch(bucket))
                            .doOnNext(this::granted)
                            .doOnError(e -> cleared())
                            .cache();
                }
                pending = refill;
            }
            // after the batch arrived (taken by this request or another): this request's token, or the store's refusal
            return pending.then(Mono.defer(() -> take(key, bucket, nanoTime.getAsLong())));
        }

        private synchronized void granted(Grant grant) {
            long now = nanoTime.getAsLong();
            refill = null;
            grantedAt = now;
            remainingAtGrant = grant.remaining();
            fullInMillisAtGrant = grant.fullInMillis();
            tokens = grant.granted();
            expiresAt = now + leaseNanos;
            refusedUntil = grant.granted() > 0 ? now : now + grant.retryAfterMillis() * 1_000_000;
        }

        private synchronized void cleared() {
            refill = null;
        }

        private long fullInMillis(long now) {
            return Math.max(0, fullInMillisAtGrant - (now - grantedAt) / 1_000_000);
        }

        synchronized boolean idle(long now) {
            return refill == null && expiresAt - now <= 0 && refusedUntil - now <= 0;
        }
    }
}

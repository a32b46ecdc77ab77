package io.numicoin.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Two replicas leasing from one shared store (the in-process buckets standing in for Redis, the same
 * arithmetic as its script) on a clock the test moves: the store's budget is never exceeded, a
 * replica is refused with at most the other's unused lease outstanding, leases end, refusals are
 * remembered without asking the store, and small buckets are asked once per request.
 */
class LeasedTokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger storeCalls = new AtomicInteger();
    private final LocalTokenBuckets store = new LocalTokenBuckets(now::get, 1000);
    private final BatchTokenBuckets counted = (key, bucket, n) -> {
        storeCalls.incrementAndGet();
        return store.takeUpTo(key, bucket, n);
    };
    private final LeasedTokenBuckets a = new LeasedTokenBuckets(counted, Duration.ofSeconds(1), now::get, 1000);
    private final LeasedTokenBuckets b = new LeasedTokenBuckets(counted, Duration.ofSeconds(1), now::get, 1000);

    private static boolean allowed(LeasedTokenBuckets replica, Limits.Bucket bucket) {
        return replica.take("k", bucket).map(Verdict::allowed).block();
    }

    @Test
    void batchesAreATwentiethOfTheCapacityBetweenOneAndSixtyFour() {
        assertThat(LeasedTokenBuckets.batch(new Limits.Bucket(5, 20))).isEqualTo(1);
        assertThat(LeasedTokenBuckets.batch(new Limits.Bucket(5, 39))).isEqualTo(1);
        assertThat(LeasedTokenBuckets.batch(new Limits.Bucket(50, 200))).isEqualTo(10);
        assertThat(LeasedTokenBuckets.batch(new Limits.Bucket(1e6, 1_000_000))).isEqualTo(64);
    }

    @Test
    void twoReplicasTogetherNeverServeMoreThanTheSharedBudget() {
        Limits.Bucket bucket = new Limits.Bucket(1e-6, 200);  // batch 10, no refill during the test
        assertThat(allowed(b, bucket)).isTrue();  // B leases 10 and keeps 9
        int servedByA = 0;
        while (allowed(a, bucket)) {
            servedByA++;
        }
        // A got everything but B's lease
        assertThat(servedByA).isEqualTo(200 - LeasedTokenBuckets.batch(bucket));
        int servedByB = 1;
        while (allowed(b, bucket)) {
            servedByB++;
        }
        assertThat(servedByA + servedByB).isEqualTo(200);
        assertThat(storeCalls.get()).as("one store call per batch, and one refusal each").isEqualTo(200 / 10 + 2);
    }

    @Test
    void aLeaseEndsAfterItsTimeAndItsTokensAreLost() {
        Limits.Bucket bucket = new Limits.Bucket(1e-6, 200);
        assertThat(allowed(b, bucket)).isTrue();  // 9 left in B's lease
        now.addAndGet(Duration.ofMillis(1001).toNanos());
        int served = 0;
        while (allowed(b, bucket)) {
            served++;
        }
        assertThat(served).isEqualTo(200 - 10);
        // a replica holding a token from before a long pause could serve it above a full bucket: it is gone
    }

    @Test
    void aRefusalIsRememberedUntilTheStoreHasATokenAgain() {
        Limits.Bucket bucket = new Limits.Bucket(2, 40);  // batch 2, a token every 500 ms
        int served = 0;
        while (allowed(a, bucket)) {
            served++;
        }
        assertThat(served).isEqualTo(40);
        int calls = storeCalls.get();
        Verdict refused = a.take("k", bucket).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMillis()).isBetween(1L, 500L);
        assertThat(storeCalls.get()).as("remembered, not asked").isEqualTo(calls);
        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(allowed(a, bucket)).isFalse();
        now.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(allowed(a, bucket)).isTrue();
    }

    @Test
    void smallBucketsAskTheStoreForEveryRequest() {
        Limits.Bucket bucket = new Limits.Bucket(1, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(allowed(a, bucket)).isTrue();
        }
        assertThat(storeCalls.get()).isEqualTo(5);
        assertThat(allowed(b, bucket)).as("B sees A's five at once").isFalse();
    }

    @Test
    void concurrentRequestsShareOneBatchBeingFetched() {
        Limits.Bucket bucket = new Limits.Bucket(1e-6, 200);
        reactor.core.publisher.Sinks.One<Grant> answer = reactor.core.publisher.Sinks.one();
        AtomicInteger slowCalls = new AtomicInteger();
        LeasedTokenBuckets slow = new LeasedTokenBuckets((key, bkt, n) -> {
            slowCalls.incrementAndGet();
            return answer.asMono();
        }, Duration.ofSeconds(1), now::get, 1000);
        var first = slow.take("k", bucket).toFuture();
        var second = slow.take("k", bucket).toFuture();
        assertThat(slowCalls.get()).isEqualTo(1);
        answer.tryEmitValue(new Grant(10, 190, 0, 1000));
        assertThat(Mono.fromFuture(first).block().allowed()).isTrue();
        assertThat(Mono.fromFuture(second).block().remaining()).isEqualTo(190 + 8);
    }
}

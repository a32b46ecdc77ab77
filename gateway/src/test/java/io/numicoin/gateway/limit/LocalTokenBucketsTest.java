package io.numicoin.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-process buckets on a clock the test moves: burst, refill, retry and reset times, the sweep. */
class LocalTokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LocalTokenBuckets buckets = new LocalTokenBuckets(now::get, 3);
    private final Limits.Bucket bucket = new Limits.Bucket(2, 4);

    @Test
    void burstThenRefusedThenRefilledAtTheRate() {
        for (int i = 3; i >= 0; i--) {
            Verdict v = buckets.takeNow("a", bucket);
            assertThat(v.allowed()).isTrue();
            assertThat(v.remaining()).isEqualTo(i);
        }
        Verdict refused = buckets.takeNow("a", bucket);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMillis()).isEqualTo(500);
        assertThat(refused.fullInMillis()).isEqualTo(2000);
        now.addAndGet(499_000_000L);
        assertThat(buckets.takeNow("a", bucket).allowed()).isFalse();
        now.addAndGet(1_000_000L);
        assertThat(buckets.takeNow("a", bucket).allowed()).isTrue();
        assertThat(buckets.takeNow("b", bucket).remaining()).isEqualTo(3);
        // long idle: full again, never above capacity
        now.addAndGet(60_000_000_000L);
        assertThat(buckets.takeNow("a", bucket).remaining()).isEqualTo(3);
    }

    @Test
    void refilledBucketsAreSweptWhenTheMapGrows() {
        for (int i = 0; i < 4; i++) {
            buckets.takeNow("client-" + i, bucket);
        }
        now.addAndGet(10_000_000_000L);
        buckets.takeNow("late", bucket);
        assertThat(buckets.size()).isEqualTo(1);
    }
}

package io.numicoin.node.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import reactor.core.scheduler.Schedulers;

class BlockingReadsTest {

    private final BlockingReads reads = new BlockingReads(Schedulers.newBoundedElastic(2, 100, "test-read"),
            new QueryProperties(Duration.ofSeconds(2), 3, Duration.ofMillis(10), 2));

    @AfterEach
    void dispose() {
        reads.dispose();
    }

    @Test
    void aTransientFailureIsRetriedWithBackoffUntilTheReadSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = reads.read(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new TransientDataAccessResourceException("connection reset");
            }
            return "row on " + Thread.currentThread().getName().replaceAll("-\\d+$", "");
        }).block(Duration.ofSeconds(5));
        assertThat(calls).hasValue(3);
        assertThat(result).isEqualTo("row on test-read");
    }

    @Test
    void theLastTransientFailureIsReportedAfterTheConfiguredAttempts() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> reads.read(() -> {
            calls.incrementAndGet();
            throw new TransientDataAccessResourceException("down");
        }).block(Duration.ofSeconds(5))).isInstanceOf(TransientDataAccessResourceException.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> reads.read(() -> {
            calls.incrementAndGet();
            throw new DataIntegrityViolationException("bug");
        }).block(Duration.ofSeconds(5))).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aReadThatHangsEndsInATimeoutAndNullIsEmpty() {
        assertThatThrownBy(() -> reads.read(() -> {
            Thread.sleep(10_000);
            return "late";
        }).block(Duration.ofSeconds(5))).hasCauseInstanceOf(TimeoutException.class);
        assertThat(reads.read(() -> null).blockOptional(Duration.ofSeconds(5))).isEmpty();
    }
}

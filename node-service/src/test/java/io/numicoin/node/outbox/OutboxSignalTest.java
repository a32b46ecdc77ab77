package io.numicoin.node.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxSignalTest {

    @Test
    void aWakeBeforeTheWaitIsNotLost() throws InterruptedException {
        OutboxSignal signal = new OutboxSignal();
        signal.wake();
        long started = System.nanoTime();
        signal.await(Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void withoutAWakeItWaitsForTheTimeout() throws InterruptedException {
        OutboxSignal signal = new OutboxSignal();
        long started = System.nanoTime();
        signal.await(Duration.ofMillis(150));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void aWakeFromAnotherThreadEndsTheWait() throws InterruptedException {
        OutboxSignal signal = new OutboxSignal();
        Thread waker = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            signal.wake();
        });
        long started = System.nanoTime();
        signal.await(Duration.ofSeconds(10));
        waker.join();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}

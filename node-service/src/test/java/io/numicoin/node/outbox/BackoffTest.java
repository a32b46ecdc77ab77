package io.numicoin.node.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapAndResetsOnSuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.failures()).isEqualTo(5);
        backoff.succeeded();
        assertThat(backoff.failures()).isZero();
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(200));
    }
}

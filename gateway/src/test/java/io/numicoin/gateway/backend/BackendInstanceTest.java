package io.numicoin.gateway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BackendInstanceTest {

    private static final BackendInstance.Health ANSWER = new BackendInstance.Health(true, 7, "ok");
    private static final BackendInstance.Health TIMEOUT = new BackendInstance.Health(false, -1, "TimeoutException");

    private static BackendInstance instance() {
        return new BackendInstance("mempool-1", URI.create("http://127.0.0.1:1"), null, null, null);
    }

    @Test
    void anInstanceThatAnsweredLeavesOnlyAfterThatManyFailedPollsInARow() {
        BackendInstance instance = instance();
        assertThat(instance.polled(ANSWER, 3).up()).isTrue();

        assertThat(instance.polled(TIMEOUT, 3)).isEqualTo(ANSWER);
        assertThat(instance.polled(TIMEOUT, 3)).isEqualTo(ANSWER);
        assertThat(instance.failedPolls()).isEqualTo(2);
        assertThat(instance.polled(ANSWER, 3)).isEqualTo(ANSWER);
        assertThat(instance.failedPolls()).isZero();

        instance.polled(TIMEOUT, 3);
        instance.polled(TIMEOUT, 3);
        assertThat(instance.polled(TIMEOUT, 3)).isEqualTo(TIMEOUT);
        assertThat(instance.health().up()).isFalse();
        assertThat(instance.polled(ANSWER, 3).up()).as("one answer brings it back").isTrue();
    }

    @Test
    void anInstanceThatNeverAnsweredLeavesAtItsFirstFailedPoll() {
        BackendInstance instance = instance();
        assertThat(instance.health().up()).as("not polled yet").isTrue();
        assertThat(instance.polled(TIMEOUT, 3).up()).isFalse();
    }

    @Test
    void withOneFailureToLeaveEveryFailedPollCounts() {
        BackendInstance instance = instance();
        instance.polled(ANSWER, 1);
        assertThat(instance.polled(TIMEOUT, 1).up()).isFalse();
    }
}

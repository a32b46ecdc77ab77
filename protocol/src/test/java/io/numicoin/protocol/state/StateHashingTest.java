package io.numicoin.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateHashingTest {

    @Test
    void splitsIntoOneToEveryRangeParts() {
        assertThat(StateHashing.CALLING_THREAD.parts()).isEqualTo(1);
        assertThat(new StateHashing(Runnable::run, StateHashChange.RANGES).parts()).isEqualTo(256);
        assertThatThrownBy(() -> new StateHashing(Runnable::run, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StateHashing(Runnable::run, 257)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StateHashing(null, 2)).isInstanceOf(NullPointerException.class);
    }
}

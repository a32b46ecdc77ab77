package io.numicoin.devnet.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultScheduleTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 42, 20261206})
    void theSameSeedGivesTheSameScheduleAndEveryKindComesOncePerRound(long seed) {
        FaultSchedule schedule = FaultSchedule.generate(seed, 20);
        assertThat(FaultSchedule.generate(seed, 20)).isEqualTo(schedule);
        assertThat(schedule.faults()).hasSize(20);
        int kinds = FaultKind.values().length;
        Set<FaultKind> firstRound = EnumSet.noneOf(FaultKind.class);
        schedule.faults().subList(0, kinds).forEach(f -> firstRound.add(f.kind()));
        assertThat(firstRound).containsExactlyInAnyOrder(FaultKind.values());
        for (Fault fault : schedule.faults()) {
            assertThat(fault.pauseBefore()).isBetween(FaultSchedule.MIN_PAUSE, FaultSchedule.MAX_PAUSE);
            assertThat(fault.downtime()).isBetween(FaultSchedule.MIN_DOWN, FaultSchedule.MAX_DOWN);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void anotherSeedGivesAnotherOrder(long seed) {
        assertThat(FaultSchedule.generate(seed, 20)).isNotEqualTo(FaultSchedule.generate(seed + 1000, 20));
    }

    @Test
    void chaosItsSeedPutsThePartitionIntoItsFourFaults() {
        // ChaosIT (4 faults, seed 4) asserts a reorganisation of node1: only the partition makes one for sure
        assertThat(FaultSchedule.generate(4, 4).faults()).extracting(Fault::kind).containsExactly(
                FaultKind.PARTITION_NODE, FaultKind.KILL_PLAIN_NODE, FaultKind.KILL_EVENT_SOURCE, FaultKind.KAFKA_RESTART);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -20})
    void aNegativeCountIsRefused(int count) {
        assertThatThrownBy(() -> FaultSchedule.generate(1, count)).isInstanceOf(IllegalArgumentException.class);
    }
}

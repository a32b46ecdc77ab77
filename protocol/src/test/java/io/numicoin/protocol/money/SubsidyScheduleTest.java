package io.numicoin.protocol.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubsidyScheduleTest {

    @Test
    void mainnetCreatesExactlyMaxMoney() {
        assertThat(SubsidySchedule.MAINNET.totalSupply().units()).isEqualTo(Amount.MAX_MONEY).isEqualTo(1_973_135_998_890_000L);
    }

    @Test
    void testnetAndRegtestTotals() {
        assertThat(SubsidySchedule.TESTNET.totalSupply().units()).isEqualTo(17_775_999_990_000L);
        assertThat(SubsidySchedule.REGTEST.totalSupply().units()).isEqualTo(2_666_399_998_500L);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "1, 8888000000",
        "111000, 8888000000",
        "111001, 4444000000",
        "222000, 4444000000",
        "222001, 2222000000",
        "3663001, 1",
        "3774000, 1",
        "3774001, 0",
        "7104000, 0",
        "7104001, 0",
        "9223372036854775807, 0"
    })
    void mainnetSubsidyAtHeight(long height, long units) {
        assertThat(SubsidySchedule.MAINNET.subsidyAt(height).units()).isEqualTo(units);
    }

    @Test
    void theSubsidyIsZeroFromTheSixtyFourthHalvingEvenWhenTheShiftWouldWrap() {
        SubsidySchedule schedule = new SubsidySchedule(1_000, 2);
        assertThat(schedule.subsidyAt(63 * 2 + 1).units()).isZero();
        assertThat(schedule.subsidyAt(64 * 2).units()).isZero();
        assertThat(schedule.subsidyAt(64 * 2 + 1).units()).as("a shift by 64 would give the full subsidy back").isZero();
        assertThat(schedule.subsidyAt(1).units()).isEqualTo(1_000);
    }

    @Test
    void theSubsidyNeverIncreases() {
        Random random = new Random(5);
        for (SubsidySchedule schedule : new SubsidySchedule[] {SubsidySchedule.MAINNET, SubsidySchedule.TESTNET, SubsidySchedule.REGTEST}) {
            long previous = Long.MAX_VALUE;
            long height = 0;
            while (height < 70 * schedule.halvingInterval()) {
                for (long h : new long[] {height, height + 1}) {
                    long subsidy = schedule.subsidyAt(h).units();
                    if (h > 0) {
                        assertThat(subsidy).as("height %d", h).isLessThanOrEqualTo(previous);
                    }
                    previous = h == 0 ? Long.MAX_VALUE : subsidy;
                }
                height += 1 + random.nextLong(schedule.halvingInterval() / 3);
            }
        }
    }

    @Test
    void totalSupplyIsTheSumOfEveryBlocksSubsidy() {
        SubsidySchedule schedule = new SubsidySchedule(1_000_003, 7);
        long sum = 0;
        for (long h = 0; h <= 64 * 7 + 10; h++) {
            sum += schedule.subsidyAt(h).units();
        }
        assertThat(schedule.totalSupply().units()).isEqualTo(sum);
    }

    @Test
    void schedulesThatCouldExceedMaxMoneyAreRefused() {
        assertThatThrownBy(() -> new SubsidySchedule(8_888_000_000L, 111_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubsidySchedule(Amount.MAX_MONEY, Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubsidySchedule(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubsidySchedule(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

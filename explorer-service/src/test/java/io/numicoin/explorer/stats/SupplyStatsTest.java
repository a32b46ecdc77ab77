package io.numicoin.explorer.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.money.SubsidySchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupplyStatsTest {

    private static long bruteForce(SubsidySchedule schedule, long height) {
        long total = 0;
        for (long h = 1; h <= height; h++) {
            total += schedule.subsidyAt(h).units();
        }
        return total;
    }

    @ParameterizedTest(name = "height {0}")
    @ValueSource(longs = {0, 1, 2, 149, 150, 151, 152, 300, 301, 1_234, 9_599, 9_600, 9_601, 20_000})
    void supplyIsTheSumOfTheSchedulesSubsidiesAndTheNextHalvingFollows(long height) {
        SubsidySchedule schedule = SubsidySchedule.REGTEST;
        SupplyStats stats = new SupplyStats(schedule, 15);
        SupplyView view = stats.at(height);
        assertThat(view.supply()).isEqualTo(bruteForce(schedule, height));
        assertThat(view.subsidy()).isEqualTo(schedule.subsidyAt(height).units());
        assertThat(view.maxSupply()).isEqualTo(schedule.totalSupply().units());
        if (view.nextHalvingHeight() != null) {
            long next = view.nextHalvingHeight();
            assertThat(next).isGreaterThan(height);
            // the subsidy changes first at the next halving's height, and not between
            assertThat(schedule.subsidyAt(next).units()).isLessThan(schedule.subsidyAt(next - 1).units());
            assertThat(schedule.subsidyAt(next - 1).units()).isEqualTo(schedule.subsidyAt(Math.max(1, height)).units());
            assertThat(view.blocksToHalving()).isEqualTo(next - height);
            assertThat(view.secondsToHalving()).isEqualTo((next - height) * 15);
            assertThat(view.halvings().getFirst().supplyBefore()).isEqualTo(bruteForce(schedule, next - 1));
            assertThat(view.subsidyAfterHalving()).isEqualTo(schedule.subsidyAt(next).units());
        } else {
            assertThat(view.subsidy()).isZero();
            assertThat(view.supply()).isEqualTo(view.maxSupply());
        }
    }

    @ParameterizedTest(name = "interval {0}")
    @ValueSource(longs = {1, 3, 150})
    void afterTheLastHalvingTheSupplyIsTheSchedulesTotal(long interval) {
        SubsidySchedule schedule = new SubsidySchedule(8_888_000_000L, interval);
        SupplyStats stats = new SupplyStats(schedule, 30);
        long end = interval * SubsidySchedule.HALVINGS + 1;
        assertThat(stats.supplyThrough(end)).isEqualTo(schedule.totalSupply().units());
        assertThat(stats.supplyThrough(Long.MAX_VALUE / 2)).isEqualTo(schedule.totalSupply().units());
        int halving = 0;
        while (halving < SubsidySchedule.HALVINGS && schedule.subsidyAt((halving + 1) * interval).units() > 0) {
            halving++;
        }
        assertThat(stats.at(0).halvings()).hasSize(halving);
    }
}

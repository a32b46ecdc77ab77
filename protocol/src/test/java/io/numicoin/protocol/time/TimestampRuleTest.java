package io.numicoin.protocol.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.difficulty.ListHeaderChain;
import io.numicoin.protocol.pow.CompactTarget;
import org.junit.jupiter.api.Test;

class TimestampRuleTest {

    private static final CompactTarget T = new CompactTarget(0x1d40_0000);
    private static final TimestampRule RULE = TimestampRule.consensus();
    // median time past 1_050 (sorted 1000..1100 step 10, middle of 11)
    private static final ListHeaderChain PARENT = ListHeaderChain.of(T,
            1_000, 1_010, 1_020, 1_030, 1_040, 1_050, 1_060, 1_070, 1_080, 1_090, 1_100);
    private static final long NOW = 1_200;

    @Test
    void theConsensusFutureLimitIsFiveMinutes() {
        assertThat(TimeRules.MAX_FUTURE_SECONDS).isEqualTo(300);
        assertThat(TimeRules.MEDIAN_TIME_SPAN).isEqualTo(11);
        assertThat(RULE.maxFutureSeconds()).isEqualTo(300);
    }

    @Test
    void acceptsOneSecondAfterTheMedianTimePast() {
        assertThat(check(1_051)).isEqualTo(new TimestampCheck(TimestampCheck.Status.VALID, 1_051, 1_050, 1_500));
    }

    @Test
    void rejectsTheMedianTimePastItselfAndEarlier() {
        assertThat(check(1_050)).isEqualTo(
                new TimestampCheck(TimestampCheck.Status.NOT_AFTER_MEDIAN_TIME_PAST, 1_050, 1_050, 1_500));
        assertThat(check(900).status()).isEqualTo(TimestampCheck.Status.NOT_AFTER_MEDIAN_TIME_PAST);
    }

    @Test
    void acceptsATimestampBeforeItsParentWhenAfterTheMedian() {
        assertThat(check(1_060).isValid()).isTrue();
    }

    @Test
    void acceptsUpToThreeHundredSecondsAheadOfTheClock() {
        assertThat(check(NOW + 300).isValid()).isTrue();
        assertThat(check(NOW + 301)).isEqualTo(
                new TimestampCheck(TimestampCheck.Status.TOO_FAR_IN_FUTURE, 1_501, 1_050, 1_500));
    }

    @Test
    void aBlockTooFarAheadNowIsValidLater() {
        assertThat(RULE.check(PARENT.next(NOW + 301, T), PARENT, NOW + 1).isValid()).isTrue();
    }

    @Test
    void smallerLimitsServeSimulationsButNeverLarger() {
        TimestampRule tight = new TimestampRule(60);
        assertThat(tight.check(PARENT.next(NOW + 60, T), PARENT, NOW).isValid()).isTrue();
        assertThat(tight.check(PARENT.next(NOW + 61, T), PARENT, NOW).status())
                .isEqualTo(TimestampCheck.Status.TOO_FAR_IN_FUTURE);
        assertThatThrownBy(() -> new TimestampRule(301)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimestampRule(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static TimestampCheck check(long timestamp) {
        return RULE.check(PARENT.next(timestamp, T), PARENT, NOW);
    }
}

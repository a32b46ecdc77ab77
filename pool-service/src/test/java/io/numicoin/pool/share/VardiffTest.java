package io.numicoin.pool.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vardiff against simulated workers: shares arrive as a Poisson process of rate hashrate /
 * difficulty (seeded), a tick every second. From any start the difficulty reaches the one that
 * gives a share per target interval, and holds there.
 */
class VardiffTest {

    private static final long SECOND = 1_000_000_000L;
    private static final VardiffSettings SETTINGS = new VardiffSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 12, 1,
            1_000_000_000_000L, 4);

    static Stream<Arguments> workers() {
        return Stream.of(
                Arguments.of(50.0, 16L, 1L),            // a regtest-cost CPU thread is much faster; a slow one
                Arguments.of(600.0, 16L, 2L),           // one mainnet-cost CPU thread
                Arguments.of(5_000_000.0, 1L, 3L),      // a farm starting at difficulty 1
                Arguments.of(20.0, 1_000_000L, 4L));    // a small worker told a huge difficulty
    }

    @ParameterizedTest
    @MethodSource("workers")
    void convergesToOneSharePerTargetIntervalAndStaysThere(double hashrate, long start, long seed) {
        Random random = new Random(seed);
        Vardiff vardiff = new Vardiff(SETTINGS, start, 0);
        long ideal = Math.round(hashrate * 10);
        long now = 0;
        long nextTick = SECOND;
        long settledBy = -1;
        long end = 3 * 3600 * SECOND;
        long sharesAfter = 0;
        long settledAt = 0;
        while (now < end) {
            double mean = vardiff.difficulty() / hashrate;
            long arrival = now + (long) (-Math.log(1 - random.nextDouble()) * mean * SECOND);
            if (arrival > nextTick) {
                now = nextTick;
                nextTick += SECOND;
                vardiff.onTick(now);
            } else {
                now = arrival;
                vardiff.onShare(now);
                if (settledBy >= 0) {
                    sharesAfter++;
                }
            }
            boolean near = vardiff.difficulty() >= ideal / 2 && vardiff.difficulty() <= ideal * 2;
            if (settledBy < 0 && near) {
                settledBy = now;
                settledAt = now;
            }
            if (settledBy >= 0) {
                assertThat(vardiff.difficulty()).as("difficulty after settling, at %d s", now / SECOND)
                        .isBetween(ideal / 3, ideal * 3);
            }
        }
        assertThat(settledBy).as("reaches within 2x of %d", ideal).isBetween(0L, 20 * 60 * SECOND);
        double interval = (end - settledAt) / (double) SECOND / sharesAfter;
        assertThat(interval).as("mean seconds between shares once settled").isBetween(7.0, 14.0);
    }
}

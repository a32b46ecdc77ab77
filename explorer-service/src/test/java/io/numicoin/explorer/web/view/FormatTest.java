package io.numicoin.explorer.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {

    private final Format fmt = new Format();

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 0.00000001", "100000000, 1", "150000000, 1.5", "8888000000, 88.88", "-20000, -0.0002",
            "1973135998890000, 19731359.9889"})
    void numiDropsTrailingZeros(long units, String expected) {
        assertThat(fmt.numi(units)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 s", "119, 119 s", "120, 2 min", "3600, 1 h 0 min", "90061, 1 d 1 h", "-30, -30 s"})
    void durations(long seconds, String expected) {
        assertThat(fmt.duration(seconds)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"999, 999 B", "1000, 1.0 kB", "2097152, 2.10 MB"})
    void bytes(long bytes, String expected) {
        assertThat(fmt.bytes(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.5, 0.50 H/s", "12345, 12.3 kH/s", "2500000000, 2.50 GH/s"})
    void hashRates(double rate, String expected) {
        assertThat(fmt.hashRate(rate)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0123456789abcdef, 4, 0123…cdef", "abcd, 4, abcd"})
    void shortHashes(String hex, int n, String expected) {
        assertThat(fmt.shortHash(hex, n)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void timesInUtc() {
        assertThat(fmt.time(1_795_480_000L)).isEqualTo("2026-11-24 00:26:40 UTC");
        assertThat(fmt.date(1_795_480_000L)).isEqualTo("2026-11-24");
        assertThat(fmt.clock(1_795_480_000L)).isEqualTo("00:26:40");
        assertThat(fmt.isoTime(1_795_480_000L)).isEqualTo("2026-11-24T00:26:40Z");
    }
}

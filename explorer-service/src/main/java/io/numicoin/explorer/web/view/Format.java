package io.numicoin.explorer.web.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write numbers, amounts, hashes and times (the templates call it as {@code @fmt}).
 * Amounts are base units written as NUMI with the trailing zeros of the 8 decimals dropped.
 */
public final class Format {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String[] RATE_UNITS = {"H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s", "EH/s"};

    /** {@code 150000000} as {@code 1.5}; negative deltas keep their sign. */
    public String numi(long units) {
        BigDecimal value = BigDecimal.valueOf(units, 8).stripTrailingZeros();
        return (value.scale() < 0 ? value.setScale(0) : value).toPlainString();
    }

    /** A delta with an explicit sign: {@code +1.5}, {@code -0.2}. */
    public String signedNumi(long units) {
        return (units > 0 ? "+" : "") + numi(units);
    }

    /** Thousands separated by a thin space: {@code 1 234 567}. */
    public String count(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', '\u202f');
    }

    /** The first and last {@code n} digits of a hash, for lists: {@code 00ab12…ef90}. */
    public String shortHash(String hex, int n) {
        if (hex == null || hex.length() <= 2 * n + 1) {
            return hex;
        }
        return hex.substring(0, n) + "…" + hex.substring(hex.length() - n);
    }

    public String time(long epochSeconds) {
        return UTC.format(Instant.ofEpochSecond(epochSeconds));
    }

    /** The UTC date alone: {@code 2026-11-25}. */
    public String date(long epochSeconds) {
        return UTC.format(Instant.ofEpochSecond(epochSeconds)).substring(0, 10);
    }

    /** The UTC time of day alone: {@code 00:26:30}. */
    public String clock(long epochSeconds) {
        return UTC.format(Instant.ofEpochSecond(epochSeconds)).substring(11, 19);
    }

    /** ISO-8601, for {@code <time datetime>}. */
    public String isoTime(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }

    /** {@code 42 s}, {@code 3 min}, {@code 5 h 2 min}, {@code 12 d 4 h}. */
    public String duration(long seconds) {
        long s = Math.abs(seconds);
        String sign = seconds < 0 ? "-" : "";
        if (s < 120) {
            return sign + s + " s";
        }
        if (s < 3_600) {
            return sign + s / 60 + " min";
        }
        if (s < 86_400) {
            return sign + s / 3_600 + " h " + s % 3_600 / 60 + " min";
        }
        return sign + count(s / 86_400) + " d " + s % 86_400 / 3_600 + " h";
    }

    /** Bytes as {@code 812 B}, {@code 12.3 kB}, {@code 1.95 MB} (powers of 1,000). */
    public String bytes(long bytes) {
        if (bytes < 1_000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return decimal(bytes / 1_000.0, 1) + " kB";
        }
        return decimal(bytes / 1_000_000.0, 2) + " MB";
    }

    /** Hashes per second with an SI prefix: {@code 12.4 kH/s}. */
    public String hashRate(Double perSecond) {
        if (perSecond == null || perSecond.isNaN() || perSecond.isInfinite()) {
            return "–";
        }
        double value = perSecond;
        int unit = 0;
        while (value >= 1_000 && unit < RATE_UNITS.length - 1) {
            value /= 1_000;
            unit++;
        }
        return decimal(value, value < 10 ? 2 : 1) + " " + RATE_UNITS[unit];
    }

    public String decimal(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }
}

package io.numicoin.bench;

import java.util.Locale;

/** One benchmark result, printed as {@code name value unit}. */
public record Figure(String name, double value, String unit) {

    public String line() {
        String number = Math.abs(value) >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.4f", value);
        return name + " " + number + " " + unit;
    }
}

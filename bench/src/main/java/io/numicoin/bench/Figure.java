package io.numicoin.bench;

import java.util.Locale;
import java.util.Optional;

/** One benchmark result, printed as {@code name value unit}. */
public record Figure(String name, double value, String unit) {

    /** The figure a {@link #line()} printed, or empty for any other line. */
    public static Optional<Figure> parse(String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Figure(parts[0], Double.parseDouble(parts[1]), parts[2]));
        } catch (NumberFormatException notAFigure) {
            return Optional.empty();
        }
    }

    public String line() {
        String number = Math.abs(value) >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.4f", value);
        return name + " " + number + " " + unit;
    }
}

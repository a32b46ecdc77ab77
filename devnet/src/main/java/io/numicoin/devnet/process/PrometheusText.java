package io.numicoin.devnet.process;

import java.util.OptionalDouble;

/** Reads one gauge from a Prometheus text exposition ({@code /actuator/prometheus}). */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** The sum of every sample of {@code name} (with any labels), or empty when there is none. */
    public static OptionalDouble gauge(String exposition, String name) {
        double sum = 0;
        boolean found = false;
        for (String line : exposition.lines().toList()) {
            if (!line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            if (!rest.startsWith(" ") && !rest.startsWith("{")) {
                continue; // another metric whose name starts with this one
            }
            String value = rest.substring(rest.lastIndexOf(' ') + 1);
            try {
                sum += Double.parseDouble(value);
                found = true;
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}

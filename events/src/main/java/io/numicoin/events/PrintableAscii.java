package io.numicoin.events;

/**
 * The text fields of events (peer ids, multiaddrs, agent strings) are printable ASCII
 * (0x20..0x7e) with a length limit: one byte per character, one encoding per string.
 */
public final class PrintableAscii {

    private PrintableAscii() {
    }

    public static boolean isPrintable(int c) {
        return c >= 0x20 && c <= 0x7e;
    }

    /**
     * Checks {@code value} is printable ASCII of {@code min} to {@code max} characters.
     *
     * @throws IllegalArgumentException if not
     */
    public static String require(String value, String field, int min, int max) {
        if (value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(field + " has " + value.length() + " characters, " + min + " to " + max + " allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isPrintable(value.charAt(i))) {
                throw new IllegalArgumentException(field + " has a character outside printable ASCII at " + i);
            }
        }
        return value;
    }

    /**
     * {@code value} made fit for an event: characters outside printable ASCII become {@code ?}, and
     * it is cut to {@code max} characters (for strings a remote peer chose, such as its agent).
     */
    public static String sanitize(String value, int max) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(isPrintable(c) ? c : '?');
        }
        return out.toString();
    }
}

package io.numicoin.node.query;

import java.util.Optional;

/**
 * A place in an account's newest-first history: entries strictly before (older than) block
 * {@code height}, position {@code position}. Written as {@code <height>-<position>} in URLs.
 */
public record HistoryCursor(long height, int position) {

    /** The cursor that starts at the newest entry. */
    public static final HistoryCursor NEWEST = new HistoryCursor(Long.MAX_VALUE, Integer.MAX_VALUE);

    public HistoryCursor {
        if (height < 0 || position < 0) {
            throw new IllegalArgumentException("cursor parts must not be negative: " + height + "-" + position);
        }
    }

    /** Parses {@code <height>-<position>}; empty when the text is not such a pair. */
    public static Optional<HistoryCursor> parse(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            return Optional.empty();
        }
        try {
            long height = Long.parseLong(text.substring(0, dash));
            int position = Integer.parseInt(text.substring(dash + 1));
            return height < 0 || position < 0 ? Optional.empty() : Optional.of(new HistoryCursor(height, position));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return height + "-" + position;
    }
}

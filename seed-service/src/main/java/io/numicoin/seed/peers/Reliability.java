package io.numicoin.seed.peers;

import java.util.List;

/**
 * A peer's crawl history: attempts, successes and the five decaying windows of 2 h, 8 h, 1 d, 1 w and
 * 30 d.
 */
public record Reliability(
        int attempts,
        int successes,
        ReliabilityWindow h2,
        ReliabilityWindow h8,
        ReliabilityWindow d1,
        ReliabilityWindow w1,
        ReliabilityWindow d30) {

    public static final long H2 = 2 * 3600L;
    public static final long H8 = 8 * 3600L;
    public static final long D1 = 86_400L;
    public static final long W1 = 7 * D1;
    public static final long D30 = 30 * D1;

    public static final Reliability NONE = new Reliability(0, 0, ReliabilityWindow.EMPTY, ReliabilityWindow.EMPTY,
            ReliabilityWindow.EMPTY, ReliabilityWindow.EMPTY, ReliabilityWindow.EMPTY);

    public Reliability {
        if (attempts < 0 || successes < 0 || successes > attempts) {
            throw new IllegalArgumentException("0 <= successes <= attempts");
        }
    }

    /** After one more attempt, {@code ageSeconds} after the previous one. */
    public Reliability update(boolean success, long ageSeconds) {
        return new Reliability(
                attempts == Integer.MAX_VALUE ? attempts : attempts + 1,
                success && successes < Integer.MAX_VALUE ? successes + 1 : successes,
                h2.update(success, ageSeconds, H2),
                h8.update(success, ageSeconds, H8),
                d1.update(success, ageSeconds, D1),
                w1.update(success, ageSeconds, W1),
                d30.update(success, ageSeconds, D30));
    }

    /** The windows from shortest to longest. */
    public List<ReliabilityWindow> windows() {
        return List.of(h2, h8, d1, w1, d30);
    }
}

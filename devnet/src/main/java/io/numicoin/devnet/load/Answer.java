package io.numicoin.devnet.load;

/**
 * What an entry point answered to one submission: the HTTP status (0 when there was no answer at
 * all), the mempool's outcome on a 2xx ({@code ADDED}, {@code REPLACED}, {@code DUPLICATE}, or a
 * node's {@code SEEN}), the problem's {@code rule} on a refusal, or the transport error.
 */
public record Answer(int status, String outcome, String rule, String error) {

    public static Answer noAnswer(String error) {
        return new Answer(0, "", "", error);
    }

    /** A 2xx: the transfer was taken. */
    public boolean accepted() {
        return status / 100 == 2;
    }

    /**
     * A refusal a client can act on: a 4xx naming the rule (not 429, which says "later", and not
     * 404/405, which say the entry point is wrong).
     */
    public boolean refused() {
        return status / 100 == 4 && status != 429 && !rule.isEmpty();
    }

    /** Neither taken nor refused: no answer, a 5xx, a 429. The client cannot know, so it offers the same transfer again. */
    public boolean unknown() {
        return !accepted() && !refused();
    }
}

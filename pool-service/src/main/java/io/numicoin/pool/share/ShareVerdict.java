package io.numicoin.pool.share;

/**
 * The outcome of a submitted share, with the Stratum error code a refusal is answered with (the
 * codes of the Stratum conventions: 20 other, 21 job not found (stale), 22 duplicate, 23 low
 * difficulty, 24 unauthorized, 25 not subscribed; JSON-RPC's -32602 for malformed parameters).
 */
public enum ShareVerdict {
    ACCEPTED(0, "accepted", false),
    BLOCK(0, "accepted, solves a block", false),
    STALE(21, "Stale share: the job is no longer on the tip", false),
    UNKNOWN_JOB(21, "Job not found", true),
    DUPLICATE(22, "Duplicate share", true),
    LOW_DIFFICULTY(23, "Low difficulty share", true),
    UNAUTHORIZED(24, "Unauthorized worker", true),
    NOT_SUBSCRIBED(25, "Not subscribed", true),
    MALFORMED(-32602, "Malformed share parameters", true),
    BAD_TIME(20, "ntime out of range", true),
    RATE_LIMITED(20, "Too many shares: slow down", true),
    BUSY(20, "Pool busy: share not checked", false);

    private final int code;
    private final String message;
    private final boolean countsAsInvalid;

    ShareVerdict(int code, String message, boolean countsAsInvalid) {
        this.code = code;
        this.message = message;
        this.countsAsInvalid = countsAsInvalid;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    public boolean accepted() {
        return this == ACCEPTED || this == BLOCK;
    }

    /** Counts toward a ban for invalid floods (stale shares and an overloaded pool do not). */
    public boolean countsAsInvalid() {
        return countsAsInvalid;
    }
}

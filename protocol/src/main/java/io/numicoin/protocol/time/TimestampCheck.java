package io.numicoin.protocol.time;

import java.util.Objects;

/**
 * The outcome of {@link TimestampRule}.
 *
 * @param status {@link Status#VALID} or the reason the timestamp is rejected
 * @param timestamp the header's timestamp
 * @param medianTimePast the parent branch's median time past; the timestamp must be above it
 * @param latestAllowed the node's time plus the future limit; the timestamp must not be above it
 */
public record TimestampCheck(Status status, long timestamp, long medianTimePast, long latestAllowed) {

    /** Why a timestamp was accepted or rejected. */
    public enum Status {
        VALID,
        /** The timestamp is not after the median time past of the parent branch. */
        NOT_AFTER_MEDIAN_TIME_PAST,
        /** The timestamp is further ahead of the node's clock than the future limit. */
        TOO_FAR_IN_FUTURE
    }

    public TimestampCheck {
        Objects.requireNonNull(status, "status");
    }

    public boolean isValid() {
        return status == Status.VALID;
    }
}

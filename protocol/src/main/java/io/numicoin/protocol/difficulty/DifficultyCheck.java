package io.numicoin.protocol.difficulty;

import io.numicoin.protocol.pow.CompactTarget;
import java.util.Objects;

/**
 * The outcome of {@link DifficultyRule}: whether a header carries the target its branch requires.
 *
 * @param status {@link Status#VALID} or the reason it is not
 * @param expected the target the difficulty algorithm requires
 * @param actual the target the header carries
 */
public record DifficultyCheck(Status status, CompactTarget expected, CompactTarget actual) {

    /** Why a header's target was accepted or rejected. */
    public enum Status {
        VALID,
        /** The header's target is not the one the algorithm computes for its parent branch. */
        WRONG_TARGET
    }

    public DifficultyCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        if ((status == Status.VALID) != expected.equals(actual)) {
            throw new IllegalArgumentException(status + " with expected " + expected + " and actual " + actual);
        }
    }

    public boolean isValid() {
        return status == Status.VALID;
    }
}

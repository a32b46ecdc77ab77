package io.numicoin.protocol.state;

import java.util.Objects;

/** The writes that connecting the block at {@code height} makes to the state (new values only). */
public record StateDiff(long height, StateChanges changes) {

    public StateDiff {
        Objects.requireNonNull(changes, "changes");
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative: " + height);
        }
    }
}

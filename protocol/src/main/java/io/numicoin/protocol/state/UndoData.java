package io.numicoin.protocol.state;

import java.util.Objects;

/**
 * What disconnecting the block at {@code height} writes back: the value every entry the block
 * changed had before it (an empty account or a deleted reward where there was none). Reverting it
 * restores the state, and its hash, exactly. Stored by the node with {@link UndoDataCodec}.
 */
public record UndoData(long height, StateChanges changes) {

    public UndoData {
        Objects.requireNonNull(changes, "changes");
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative: " + height);
        }
    }
}

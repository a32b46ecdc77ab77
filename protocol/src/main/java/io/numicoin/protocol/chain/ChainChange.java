package io.numicoin.protocol.chain;

import io.numicoin.protocol.hash.Hash256;
import java.util.Objects;

/** One step of the active chain moving: a block connected to or disconnected from the tip. */
public record ChainChange(Kind kind, Hash256 id, long height) {

    public enum Kind {
        CONNECTED,
        DISCONNECTED
    }

    public ChainChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}

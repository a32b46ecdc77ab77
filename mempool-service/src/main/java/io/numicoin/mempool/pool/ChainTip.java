package io.numicoin.mempool.pool;

import io.numicoin.protocol.hash.Hash256;
import java.util.Objects;

/** The block the pool is validated against; the next block has height {@code height + 1}. */
public record ChainTip(Hash256 id, long height) {

    public ChainTip {
        Objects.requireNonNull(id, "id");
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative: " + height);
        }
    }
}

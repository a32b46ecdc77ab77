package io.numicoin.node.query;

import io.numicoin.protocol.hash.Hash256;
import java.util.Objects;

/** Which block a read means: one by id (any branch), or the active chain's block at a height. */
public sealed interface BlockRef {

    record ById(Hash256 id) implements BlockRef {
        public ById {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return id.toHex();
        }
    }

    record AtHeight(long height) implements BlockRef {
        public AtHeight {
            if (height < 0) {
                throw new IllegalArgumentException("height must not be negative: " + height);
            }
        }

        @Override
        public String toString() {
            return "height " + height;
        }
    }
}

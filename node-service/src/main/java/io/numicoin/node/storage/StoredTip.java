package io.numicoin.node.storage;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.state.MuHash3072;
import java.util.Objects;

/**
 * The {@code chain_tip} row: the block the stored account state belongs to, and that state's
 * set hash (unfinalised, so updating it costs no inverse).
 */
public record StoredTip(Hash256 id, long height, MuHash3072 accumulator) {

    public StoredTip {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accumulator, "accumulator");
    }
}

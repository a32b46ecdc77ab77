package io.numicoin.protocol.state;

import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.hash.HashDomain;

/**
 * The 32-byte commitment to the account state that every block header carries: BLAKE3
 * ({@code numi/state/commitment}) of the finalised 384-byte {@link MuHash3072} of all state elements.
 */
public final class StateCommitment {

    /** The commitment to the empty state (the state before and after the genesis block). */
    public static final Hash256 EMPTY = of(MuHash3072.EMPTY);

    private StateCommitment() {
    }

    public static Hash256 of(MuHash3072 accumulator) {
        return Blake3.hash(HashDomain.STATE_COMMITMENT, accumulator.finalizeBytes());
    }
}

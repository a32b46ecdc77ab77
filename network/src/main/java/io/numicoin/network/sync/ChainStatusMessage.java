package io.numicoin.network.sync;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What two peers tell each other on connect ({@code /numi/<network>/status/1}): the genesis they
 * follow, their best tip (the connected one) and its cumulative work.
 */
public record ChainStatusMessage(Hash256 genesisId, Hash256 tipId, long tipHeight, BigInteger cumulativeWork) {

    public ChainStatusMessage {
        Objects.requireNonNull(genesisId, "genesisId");
        Objects.requireNonNull(tipId, "tipId");
        Objects.requireNonNull(cumulativeWork, "cumulativeWork");
        if (tipHeight < 0 || cumulativeWork.signum() < 0) {
            throw new IllegalArgumentException("height and work must not be negative");
        }
    }

    /**
     * The status of a peer on {@code params}' network that holds only the genesis block: what a client
     * without a chain (a crawler) says, so a node neither bans it nor asks it for headers.
     */
    public static ChainStatusMessage atGenesis(NetworkParams params) {
        return new ChainStatusMessage(params.genesisId(), params.genesisId(), 0, params.genesis().header().target().work());
    }
}

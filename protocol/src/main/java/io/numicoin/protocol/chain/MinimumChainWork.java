package io.numicoin.protocol.chain;

import io.numicoin.protocol.params.NetworkParams;
import java.math.BigInteger;

/**
 * The least cumulative work a chain must show before a node stores its headers unasked: a
 * consensus-adjacent constant per network (not node configuration, though a node may raise it).
 * Zero on every network until it has a chain: a minimum is only ever set to the work of the real
 * best chain some weeks before a release (as Bitcoin Core's {@code nMinimumChainWork}). Any value
 * above zero before launch would make nodes refuse the new chain's own first blocks from their
 * peers (its work starts below every such minimum), so the network could never start. Until then
 * the tip margin of {@link BlockAdmission#workThreshold} is the anti-DoS threshold.
 */
public final class MinimumChainWork {

    private MinimumChainWork() {
    }

    public static BigInteger of(NetworkParams params) {
        return switch (params.network()) {
            case REGTEST, TESTNET, MAINNET -> BigInteger.ZERO;
        };
    }
}

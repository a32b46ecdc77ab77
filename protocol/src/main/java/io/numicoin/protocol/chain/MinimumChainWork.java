package io.numicoin.protocol.chain;

import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.ChainWork;
import java.math.BigInteger;

/**
 * The least cumulative work a chain must show before a node stores its headers unasked: a
 * consensus-adjacent constant per network (not node configuration, though a node may raise it).
 * Regtest: zero, so tests and the devnet start from genesis. Mainnet and testnet: the work of
 * {@value #LAUNCH_BLOCKS} blocks at the genesis target, until a release raises it to the work of the
 * best chain some weeks before that release (as Bitcoin Core's {@code nMinimumChainWork}).
 */
public final class MinimumChainWork {

    /** Blocks at the genesis target whose work mainnet and testnet require at launch. */
    public static final int LAUNCH_BLOCKS = 100;

    private MinimumChainWork() {
    }

    public static BigInteger of(NetworkParams params) {
        return switch (params.network()) {
            case REGTEST -> BigInteger.ZERO;
            case MAINNET, TESTNET -> ChainWork.ofTarget(params.genesis().header().target().toTarget())
                    .multiply(BigInteger.valueOf(LAUNCH_BLOCKS));
        };
    }
}

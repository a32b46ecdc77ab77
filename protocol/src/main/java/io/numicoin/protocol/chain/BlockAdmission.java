package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.PowCheck;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.pow.header.ProofOfWork;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What a block or header must show before the node spends memory on it, ahead of the consensus
 * rules: enough chain work to be worth storing (the anti-DoS threshold, as Bitcoin Core's
 * {@code GetAntiDoSWorkThreshold}), and for an orphan — whose expected target cannot be computed
 * without its parent — its proof of work against its own target. Not thread-safe (it owns a
 * {@link ProofOfWork} hasher); one per importer.
 */
public final class BlockAdmission {

    /** A chain is worth storing unasked when it comes within this many tip blocks' work of the active tip. */
    public static final int TIP_MARGIN_BLOCKS = 144;

    private final ProofOfWork orphanWork;
    private final BigInteger minimumChainWork;

    public BlockAdmission(PowParams pow, BigInteger minimumChainWork) {
        this.orphanWork = new ProofOfWork(Objects.requireNonNull(pow, "pow"));
        if (minimumChainWork.signum() < 0) {
            throw new IllegalArgumentException("minimum chain work must not be negative");
        }
        this.minimumChainWork = minimumChainWork;
    }

    /** The network's admission: its {@link MinimumChainWork}. */
    public static BlockAdmission of(NetworkParams params) {
        return new BlockAdmission(params.pow(), MinimumChainWork.of(params));
    }

    /**
     * The least cumulative work a new header's chain must reach to be stored without being asked
     * for: the greater of the minimum chain work and the active tip's work less
     * {@value #TIP_MARGIN_BLOCKS} blocks of the tip's work. A competing block at the tip's height, a
     * short fork, a reorganisation of a day's blocks all pass; a fork from deep below does not
     * until its headers have shown that work (headers presync).
     */
    public BigInteger workThreshold(BlockIndexEntry activeTip) {
        BigInteger tipWork = activeTip.cumulativeWork();
        BigInteger margin = workOf(activeTip.header()).multiply(BigInteger.valueOf(TIP_MARGIN_BLOCKS)).min(tipWork);
        return tipWork.subtract(margin).max(minimumChainWork);
    }

    public BigInteger minimumChainWork() {
        return minimumChainWork;
    }

    /** The work {@code header} claims (from its own target: the difficulty rule checks the claim later). */
    public static BigInteger workOf(BlockHeader header) {
        return header.target().isCanonical() ? header.target().work() : BigInteger.ZERO;
    }

    /** An orphan's proof of work against its own target (one Argon2id run unless the target is malformed). */
    public PowCheck orphanWork(BlockHeader header) {
        return orphanWork.verify(header);
    }

    /** The Argon2id cost {@link #orphanWork} verifies with. */
    PowParams powParams() {
        return orphanWork.params();
    }

    /** Argon2id runs spent on orphans so far (readable from any thread). */
    public long orphanPowChecks() {
        return orphanWork.hashCount();
    }
}

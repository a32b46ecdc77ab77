package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.pow.PowParams;
import java.util.Objects;

/**
 * A block whose header's Argon2id proof of work this process has verified: its proof-of-work hash,
 * under {@link PowParams} {@code pow}, is at most the target the header names. The importer takes
 * that instead of running Argon2id again ({@link BlockImporter#importBlock(WorkVerifiedBlock, long, String)}).
 *
 * <p>Only this package makes one ({@link BlockRelayCheck}, after its header rules passed with the
 * proof of work), so holding one proves the check ran; it lives in memory only, is never encoded,
 * and nothing a peer sends can stand for it. It vouches for the work alone: whether the target is
 * the right one for the parent (difficulty), the time rules, the body and the state are checked by
 * the import as for any block.
 */
public final class WorkVerifiedBlock {

    private final Block block;
    private final PowParams pow;

    WorkVerifiedBlock(Block block, PowParams pow) {
        this.block = Objects.requireNonNull(block, "block");
        this.pow = Objects.requireNonNull(pow, "pow");
    }

    public Block block() {
        return block;
    }

    /** True when the work was verified under {@code params} (an importer of another network verifies again). */
    boolean verifiedUnder(PowParams params) {
        return pow.equals(params);
    }
}

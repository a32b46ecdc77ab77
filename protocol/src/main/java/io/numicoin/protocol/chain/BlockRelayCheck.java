package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.BlockRejection;
import io.numicoin.protocol.validation.HeaderRules;
import java.util.Optional;

/**
 * Whether a gossiped block may be forwarded before it is imported (as BIP152's high-bandwidth
 * relay does): it must extend the active tip, or compete with it (a sibling), and pass every check
 * that makes it costly to forge — its body's commitment to the header (count, merkle root, size;
 * hashing only), then the header rules against the branch it extends (version, height, time,
 * difficulty) with the Argon2id proof of work last. A block elsewhere (unknown parent, a side branch
 * further back) is {@link Defer}red: imported first, as before. The rest of the body (signatures)
 * and the state are left to the import, so a forwarded block may still turn out invalid; its
 * sender then paid a whole proof of work for it ({@link io.numicoin.protocol.validation.BlockRejectReason#escapesRelayCheck}).
 *
 * <p>Reads only the tip's branch it is given (immutable headers), never the tree, so it needs no
 * import lock. Not thread-safe (it owns a {@link HeaderRules}, and so an Argon2id hasher); one per thread.
 */
public final class BlockRelayCheck {

    /** What to do with the block. */
    public sealed interface Verdict {
    }

    /**
     * Forward it now and import it after; {@code block} carries the proof of work this check
     * verified, so the import does not run Argon2id again.
     */
    public record Relay(WorkVerifiedBlock block) implements Verdict {
    }

    /** Not at the tip: import it first and forward it only if the import accepts it. */
    public record Defer(String why) implements Verdict {
    }

    /** Its header, proof of work or body commitment is broken: never forward it, whoever sent it knew. */
    public record Refuse(BlockRejection rejection) implements Verdict {
    }

    private final HeaderRules rules;

    public BlockRelayCheck(NetworkParams params) {
        this.rules = new HeaderRules(params);
    }

    /**
     * @param tipBranch  the active chain, genesis to the tip (the tip as last published: a block
     *                   whose parent is still being imported is deferred)
     * @param nowSeconds this node's clock, for the future limit
     */
    public Verdict check(Block block, HeaderChain tipBranch, long nowSeconds) {
        BlockHeader header = block.header();
        BlockHeader tip = tipBranch.tip();
        HeaderChain parentBranch;
        if (header.previousId().equals(BlockHeaderCodec.id(tip))) {
            parentBranch = tipBranch;
        } else if (tip.height() > 0 && header.previousId().equals(tip.previousId())) {
            parentBranch = new BranchPrefix(tipBranch, tip.height() - 1);
        } else {
            return new Defer("it neither extends nor competes with the tip at height " + tip.height());
        }
        Optional<BlockRejection> rejection = BlockBodyRules.checkCommitment(block)
                .or(() -> rules.check(header, parentBranch, nowSeconds));
        return rejection.<Verdict>map(Refuse::new).orElseGet(() -> new Relay(new WorkVerifiedBlock(block, rules.powParams())));
    }
}

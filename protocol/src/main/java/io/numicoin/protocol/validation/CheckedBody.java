package io.numicoin.protocol.validation;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A block whose body {@link BlockBodyRules} has already checked — signatures included — with the
 * verdict. Only {@link BlockBodyRules#checked} makes one, so holding one proves the check ran; the
 * importer takes it instead of checking the body again under its lock, which lets a node verify
 * the next blocks' signatures while it writes the current one. The verdict is stateless, so it
 * holds wherever and whenever the block is connected.
 */
public final class CheckedBody {

    private final Block block;
    private final Optional<BlockRejection> rejection;
    private final List<Hash256> txids;
    private final BlockBodyRules rules;

    CheckedBody(Block block, Optional<BlockRejection> rejection, List<Hash256> txids, BlockBodyRules rules) {
        this.block = Objects.requireNonNull(block, "block");
        this.rejection = Objects.requireNonNull(rejection, "rejection");
        this.txids = List.copyOf(txids);
        this.rules = Objects.requireNonNull(rules, "rules");
        if (rejection.isEmpty() && this.txids.size() != block.transactions().size()) {
            throw new IllegalArgumentException(this.txids.size() + " txids for " + block.transactions().size() + " transactions");
        }
    }

    public Block block() {
        return block;
    }

    /** Why the body is invalid, or empty when it passed. */
    public Optional<BlockRejection> rejection() {
        return rejection;
    }

    /** The transactions' txids in block order, as the check computed them (empty when the body is invalid). */
    public List<Hash256> txids() {
        return txids;
    }

    /** True when {@code rules} made this verdict (an importer with other rules checks again). */
    public boolean checkedBy(BlockBodyRules rules) {
        return this.rules == rules;
    }
}

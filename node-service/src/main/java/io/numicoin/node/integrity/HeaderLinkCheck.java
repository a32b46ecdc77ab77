package io.numicoin.node.integrity;

import io.numicoin.node.integrity.IntegrityProblem.Kind;
import io.numicoin.node.storage.StoredTip;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Level 0: the newest blocks' headers decode, hash to their ids, sit at their heights and link
 * each to the block below; the tip row names the top of the active chain.
 */
final class HeaderLinkCheck {

    private HeaderLinkCheck() {
    }

    /**
     * @param below the active chain's id just under {@code blocks} (empty when they start at genesis)
     */
    static List<IntegrityProblem> run(StoredTip tip, long topHeight, List<ActiveBlock> blocks, Optional<Hash256> below) {
        List<IntegrityProblem> problems = new ArrayList<>();
        if (topHeight != tip.height() || blocks.isEmpty() || !blocks.getLast().id().equals(tip.id())) {
            problems.add(new IntegrityProblem(Kind.TIP_INCONSISTENT, "chain_tip names " + tip.id() + " at height " + tip.height()
                    + " but the active chain ends at height " + topHeight));
        }
        Optional<Hash256> previous = below;
        for (ActiveBlock block : blocks) {
            Optional<BlockHeader> header = block.header();
            if (header.isEmpty()) {
                problems.add(new IntegrityProblem(Kind.HEADER_MISMATCH, "block " + block.id() + " at height " + block.height()
                        + (block.headerBytes() == null ? " has no block_index row" : " has a header that does not decode")));
                previous = Optional.of(block.id());
                continue;
            }
            Hash256 hashed = BlockHeaderCodec.id(header.get());
            if (!hashed.equals(block.id())) {
                problems.add(mismatch(block, "its stored header hashes to " + hashed));
            } else if (header.get().height() != block.height()) {
                problems.add(mismatch(block, "its header says height " + header.get().height()));
            } else if (!header.get().previousId().equals(block.parentId())) {
                problems.add(mismatch(block, "its header names parent " + header.get().previousId() + ", its row " + block.parentId()));
            } else if (previous.isPresent() && !previous.get().equals(header.get().previousId())) {
                problems.add(mismatch(block, "its parent is " + header.get().previousId() + ", the active chain below is " + previous.get()));
            }
            previous = Optional.of(block.id());
        }
        return problems;
    }

    private static IntegrityProblem mismatch(ActiveBlock block, String what) {
        return new IntegrityProblem(Kind.HEADER_MISMATCH, "block " + block.id() + " at height " + block.height() + ": " + what);
    }
}

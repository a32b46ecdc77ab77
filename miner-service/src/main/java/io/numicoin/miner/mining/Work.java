package io.numicoin.miner.mining;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import java.util.Objects;

/**
 * One unit of work: a complete block (nonce 0) to mine, built on {@code block.header().previousId()}.
 *
 * @param generation increases with every new piece of work, so workers notice a change
 * @param fees the fees its transactions pay (compared with newer templates)
 */
public record Work(long generation, Block block, Amount fees) {

    public Work {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(fees, "fees");
    }

    public Hash256 parentId() {
        return block.header().previousId();
    }

    public long height() {
        return block.height();
    }
}

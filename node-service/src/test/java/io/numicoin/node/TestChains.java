package io.numicoin.node;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.testkit.ChainBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Chains for node tests: regtest blocks from {@link ChainBuilder}, and a clock that never finds them in the future. */
public final class TestChains {

    /** Far after every test block's timestamp, so the future-time rule never bites. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    private TestChains() {
    }

    public static Hash256 id(Block block) {
        return BlockHeaderCodec.id(block.header());
    }

    /** {@code COINBASE_MATURITY + 1} blocks paying key {@code minerKey}: its first reward is spendable after the last. */
    public static List<Block> funded(ChainBuilder builder, int minerKey) {
        return builder.extend(builder.genesis(), ProtocolLimits.COINBASE_MATURITY + 1, minerKey);
    }
}

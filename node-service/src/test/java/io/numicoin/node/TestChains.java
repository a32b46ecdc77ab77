package io.numicoin.node;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.TestKeys;
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

    /**
     * A funded chain ({@link #funded}, miner key 1), then {@code b102} (a transfer to key 2), its child
     * {@code bad} whose transfer carries another transfer's signature (BAD_SIGNATURE), and the honest
     * {@code b103} and {@code b104} on {@code b102}: for imports that must refuse a forged signature
     * and connect everything else.
     */
    public record ForgedSignatureBranch(List<Block> funded, Block b102, Block bad, Block b103, Block b104) {
    }

    public static ForgedSignatureBranch forgedSignatureBranch(ChainBuilder builder) {
        List<Block> funded = funded(builder, 1);
        Block b102 = builder.child(funded.getLast()).transfers(builder.transfer(1, TestKeys.address(2), 3_000_000L, 1_000, 1)).build();
        TransferTx honest = builder.transfer(1, TestKeys.address(3), 2_000_000L, 1_000, 2);
        TransferTx forged = honest.withSignatures(builder.transfer(1, TestKeys.address(4), 2_000_000L, 1_000, 2).signatures());
        Block bad = builder.child(b102).transfers(forged).build();
        Block b103 = builder.child(b102).transfers(honest).build();
        Block b104 = builder.child(b103).transfers(builder.transfer(2, TestKeys.address(5), 1_000_000L, 1_000, 1)).build();
        return new ForgedSignatureBranch(funded, b102, bad, b103, b104);
    }
}

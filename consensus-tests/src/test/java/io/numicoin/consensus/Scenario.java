package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.InMemoryChain;
import java.util.List;

/** A regtest chain builder and a node-like chain side by side, with assertions shared by the scenarios. */
final class Scenario {

    final ChainBuilder builder = ChainBuilder.regtest();
    final InMemoryChain chain = InMemoryChain.regtest();

    static Hash256 id(Block block) {
        return BlockHeaderCodec.id(block.header());
    }

    void importAll(List<Block> blocks) {
        for (Block block : blocks) {
            BlockImportResult result = chain.importBlock(block);
            assertThat(result.outcome())
                    .as("importing block at height %d: %s", block.height(), result.rejection())
                    .isIn(BlockImportResult.Outcome.CONNECTED, BlockImportResult.Outcome.SIDE_BRANCH);
        }
    }

    void assertRejected(Block block, BlockRejectReason reason) {
        BlockImportResult result = chain.importBlock(block);
        assertThat(result.outcome()).isEqualTo(BlockImportResult.Outcome.INVALID);
        assertThat(result.rejection()).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(reason));
    }

    /** The chain's tip is {@code tip}, and its state is exactly what the builder computed for it. */
    void assertTipAndState(Block tip) {
        assertThat(chain.tip()).isEqualTo(id(tip));
        assertThat(chain.state().accounts()).isEqualTo(builder.stateAfter(tip).accounts());
        assertThat(chain.state().immatureRewards()).isEqualTo(builder.stateAfter(tip).immatureRewards());
        assertThat(StateCommitment.of(chain.state().accumulator())).isEqualTo(tip.header().stateCommitment());
        assertThat(StateCommitment.of(chain.state().recomputeAccumulator())).isEqualTo(tip.header().stateCommitment());
    }

    /** Mines {@code count} blocks paying key {@code minerKey} on top of genesis, imports them, returns them. */
    List<Block> mineAndImport(int count, int minerKey) {
        List<Block> blocks = builder.extend(builder.genesis(), count, minerKey);
        importAll(blocks);
        return blocks;
    }
}

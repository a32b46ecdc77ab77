package io.numicoin.miner.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.miner.assembly.BlockTemplate;
import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A miner with its own view (numi.miner.view=node) takes the mempool's transfers only on its node's tip. */
class NodeTipWorkTest {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();
    private static final List<Block> CHAIN = BUILDER.extend(BUILDER.genesis(), 102, 1);

    private static Hash256 id(Block block) {
        return BlockHeaderCodec.id(block.header());
    }

    @Test
    void theMempoolsTemplateWhenItIsOnTheNodesTip() {
        Block tip = CHAIN.getLast();
        TransferTx transfer = BUILDER.transfer(1, TestKeys.address(2), 1_000, 11_000, 1);
        BlockTemplate mempool = new BlockTemplate(id(tip), tip.height(), List.of(transfer));

        BlockTemplate chosen = NodeTipWork.onTip(mempool, new NodeClient.ChainTip(id(tip), tip.height(), "regtest"));

        assertThat(chosen).isSameAs(mempool);
        assertThat(chosen.transactions()).containsExactly(transfer);
    }

    @Test
    void aCoinbaseOnlyTemplateOnTheNodesTipWhenTheMempoolFollowsAnotherTip() {
        Block nodeTip = CHAIN.get(CHAIN.size() - 2);       // the node a block behind the mempool's
        Block mempoolTip = CHAIN.getLast();
        TransferTx transfer = BUILDER.transfer(1, TestKeys.address(2), 1_000, 11_000, 1);
        BlockTemplate mempool = new BlockTemplate(id(mempoolTip), mempoolTip.height(), List.of(transfer));

        BlockTemplate chosen = NodeTipWork.onTip(mempool, new NodeClient.ChainTip(id(nodeTip), nodeTip.height(), "regtest"));

        assertThat(chosen.tipId()).isEqualTo(id(nodeTip));
        assertThat(chosen.tipHeight()).isEqualTo(nodeTip.height());
        assertThat(chosen.transactions()).isEmpty();
    }
}

package io.numicoin.miner.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.header.ProofOfWork;
import io.numicoin.protocol.state.StateRejectReason;
import io.numicoin.protocol.time.MedianTimePast;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.InMemoryChain;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlockAssemblerTest {

    private static final NetworkParams PARAMS = NetworkParams.regtest();
    private static ChainBuilder builder;
    private static List<Block> chain;
    private static final Map<Hash256, Block> byId = new HashMap<>();

    @BeforeAll
    static void buildChain() {
        builder = ChainBuilder.regtest();
        chain = new ArrayList<>();
        chain.add(builder.genesis());
        chain.addAll(builder.extend(builder.genesis(), 101, 1)); // key 1's first reward matures at 101
        chain.forEach(b -> byId.put(BlockHeaderCodec.id(b.header()), b));
    }

    private static BlockAssembler assembler() {
        return new BlockAssembler(PARAMS, TestKeys.address(9),
                new InMemoryStateCommitments(id -> builder.stateAfter(byId.get(id)), PARAMS.subsidy()));
    }

    private static WindowHeaderChain headers() {
        List<BlockHeader> recent = chain.subList(1, chain.size()).stream().map(Block::header).toList();
        return new WindowHeaderChain(chain.getFirst().header(), recent, h -> { throw new AssertionError("all headers given"); });
    }

    private static BlockTemplate template(List<TransferTx> txs) {
        Block tip = chain.getLast();
        return new BlockTemplate(BlockHeaderCodec.id(tip.header()), tip.height(), txs);
    }

    @Test
    void coinbasePaysSubsidyPlusFeesAndTheBlockIsValid() {
        TransferTx first = builder.transfer(1, TestKeys.address(2), 1_000_000, 12_345, 1);
        TransferTx second = builder.transfer(1, TestKeys.address(3), 2_000_000, 7_000, 2);
        long now = chain.getLast().header().timestamp() + 30;

        Block block = assembler().assemble(template(List.of(first, second)), headers(), now);

        CoinbaseTx coinbase = block.coinbase();
        assertThat(block.height()).isEqualTo(102);
        assertThat(coinbase.height()).isEqualTo(102);
        assertThat(coinbase.recipient()).isEqualTo(TestKeys.address(9));
        assertThat(coinbase.amount()).isEqualTo(PARAMS.subsidy().subsidyAt(102).plus(Amount.ofUnits(19_345)));
        assertThat(coinbase.amount().units()).isEqualTo(8_888_000_000L + 19_345);
        assertThat(block.transactions()).containsExactly(coinbase, first, second);
        assertThat(block.header().merkleRoot()).isEqualTo(MerkleTree.root(block.transactions()));
        assertThat(block.header().previousId()).isEqualTo(BlockHeaderCodec.id(chain.getLast().header()));
        assertThat(block.header().target()).isEqualTo(PARAMS.difficulty().algorithm().nextTarget(headers()));
        assertThat(block.header().timestamp()).isEqualTo(now);

        // mined and imported by a full validator: commitment, coinbase, merkle root, target all agree
        Block mined = mine(block);
        InMemoryChain validator = InMemoryChain.regtest();
        chain.subList(1, chain.size()).forEach(validator::importBlock);
        BlockImportResult result = validator.importBlock(mined, now);
        assertThat(result.outcome()).as("%s", result.rejection()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
    }

    @Test
    void anEmptyTemplatePaysTheSubsidyAlone() {
        Block block = assembler().assemble(template(List.of()), headers(), chain.getLast().header().timestamp() + 1);
        assertThat(block.transactions()).hasSize(1);
        assertThat(block.coinbase().amount().units()).isEqualTo(8_888_000_000L);
        assertThat(block.header().merkleRoot()).isEqualTo(MerkleTree.leaf(block.coinbase()));
    }

    @Test
    void timestampIsAtLeastMedianTimePastPlusOne() {
        long mtp = MedianTimePast.of(headers());
        Block block = assembler().assemble(template(List.of()), headers(), mtp - 1_000);
        assertThat(block.header().timestamp()).isEqualTo(mtp + 1);
    }

    @Test
    void aTemplateThatBreaksAStateRuleIsRefused() {
        TransferTx badNonce = builder.transfer(1, TestKeys.address(2), 1_000, 1_000, 5);
        assertThatThrownBy(() -> assembler().assemble(template(List.of(badNonce)), headers(), 0))
                .isInstanceOf(TemplateRejectedException.class)
                .satisfies(e -> assertThat(((TemplateRejectedException) e).rule()).isEqualTo(StateRejectReason.BAD_NONCE.name()));
    }

    @Test
    void aTemplateOnAnotherTipIsRefused() {
        BlockTemplate other = new BlockTemplate(Hash256.ZERO, chain.getLast().height(), List.of());
        assertThatThrownBy(() -> assembler().assemble(other, headers(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("template is on");
    }

    static Block mine(Block block) {
        ProofOfWork pow = new ProofOfWork(PARAMS.pow());
        BlockHeader header = pow.mine(block.header(), 0, 1_000_000, () -> false).orElseThrow();
        return new Block(header, block.transactions());
    }
}

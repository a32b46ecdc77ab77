package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.pow.header.ProofOfWork;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.TxRejectReason;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Blocks that break one consensus rule each, imported through the protocol library: the chain keeps
 * its tip and state, and the rejection names the rule.
 */
class BlockRuleScenariosTest {

    private Scenario s;
    private Block funded;

    @BeforeEach
    void fundKeyOne() {
        s = new Scenario();
        funded = s.mineAndImport(101, 1).getLast();
    }

    @Test
    void aWrongStateCommitmentIsRejected() {
        Block honest = s.builder.child(funded).transfers(s.builder.transfer(1, TestKeys.address(2), 1_000, 100, 1)).build();
        Block lying = s.builder.child(funded).transfers(s.builder.transfer(1, TestKeys.address(2), 1_000, 100, 1))
                .stateCommitment(Hash256.of(new byte[32])).build();
        assertThat(lying.header().stateCommitment()).isNotEqualTo(honest.header().stateCommitment());

        s.assertRejected(lying, BlockRejectReason.STATE_COMMITMENT_MISMATCH);
        s.assertTipAndState(funded);

        Block offByTheOtherBlock = s.builder.child(funded).stateCommitment(honest.header().stateCommitment()).build();
        s.assertRejected(offByTheOtherBlock, BlockRejectReason.STATE_COMMITMENT_MISMATCH);
        s.assertTipAndState(funded);
        s.importAll(List.of(honest));
        s.assertTipAndState(honest);
    }

    @Test
    void anUnsupportedHeaderVersionIsRejected() {
        Block valid = s.builder.child(funded).build();
        for (int version : new int[] {0, BlockHeader.CURRENT_VERSION + 1, Integer.MAX_VALUE}) {
            BlockHeader header = valid.header();
            BlockHeader other = new BlockHeader(version, header.height(), header.previousId(), header.merkleRoot(),
                    header.stateCommitment(), header.timestamp(), header.target(), 0);
            s.assertRejected(new Block(mine(other), valid.transactions()), BlockRejectReason.UNSUPPORTED_VERSION);
        }
        s.assertTipAndState(funded);
        s.importAll(List.of(valid));
    }

    @Test
    void aCoinbaseWithAnotherNetworksChainIdIsRejected() {
        Block valid = s.builder.child(funded).build();
        CoinbaseTx honest = valid.coinbase();
        for (int chainId : new int[] {honest.chainId() + 1, 0x4e55_4d49, 0}) {
            CoinbaseTx foreign = new CoinbaseTx(chainId, honest.height(), honest.recipient(), honest.amount(), honest.memo());
            List<Transaction> txs = List.of(foreign);
            Block block = s.builder.child(funded).rawTransactions(txs).build();
            assertThat(block.header().merkleRoot()).isEqualTo(MerkleTree.root(txs));
            s.assertRejected(block, BlockRejectReason.WRONG_CHAIN_ID);
        }
        s.assertTipAndState(funded);
    }

    @Test
    void aTransactionOverSixtyFourKibibytesIsRejectedByTheRulesNotJustTheCodec() {
        TransferTx oversized = oversizedTransfer(s.builder.params().chainId());
        assertThat(TransactionCodec.encodedSize(oversized)).isGreaterThan(ProtocolLimits.MAX_TRANSACTION_BYTES);
        assertThat(new TransactionRules(s.builder.params().chainId(), TestKeys.provider()).check(oversized).reason())
                .isEqualTo(TxRejectReason.TOO_LARGE);

        s.assertRejected(s.builder.child(funded).transfers(oversized).build(), BlockRejectReason.TRANSACTION_TOO_LARGE);
        s.assertTipAndState(funded);
    }

    /** A 16-of-16 multisig transfer: 16 keys and 16 signatures take it past 64 KiB. */
    private static TransferTx oversizedTransfer(int chainId) {
        Random random = new Random(65_536);
        List<MlDsaPublicKey> keys = new ArrayList<>();
        List<TxSignature> signatures = new ArrayList<>();
        for (int i = 0; i < SpendingPolicy.MAX_KEYS; i++) {
            byte[] key = new byte[MlDsaPublicKey.SIZE];
            random.nextBytes(key);
            keys.add(new MlDsaPublicKey(Bytes.of(key)));
            byte[] signature = new byte[MlDsaSignature.SIZE];
            random.nextBytes(signature);
            signatures.add(new TxSignature(i, new MlDsaSignature(Bytes.of(signature))));
        }
        SpendingPolicy policy = new SpendingPolicy(SpendingPolicy.MAX_KEYS, keys);
        return new TransferTx(chainId, SpendingPolicyCodec.address(policy), 1, TestKeys.address(2), Amount.ofUnits(1),
                Amount.ofUnits(100), 0, Bytes.of(new byte[ProtocolLimits.MAX_MEMO_BYTES]), policy, signatures);
    }

    private BlockHeader mine(BlockHeader header) {
        return new ProofOfWork(s.builder.params().pow()).mine(header, 0, Long.MAX_VALUE, () -> false).orElseThrow();
    }
}

package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Blocks over 2 MiB or over 10,000 transactions are rejected, whatever their content. */
class BlockLimitsTest {

    private static final Random RANDOM = new Random(20261125);

    /** A structurally valid transfer (its signature does not verify: size rules come first). */
    private static TransferTx bulky(int chainId, int n) {
        byte[] key = new byte[MlDsaPublicKey.SIZE];
        RANDOM.nextBytes(key);
        byte[] sig = new byte[MlDsaSignature.SIZE];
        RANDOM.nextBytes(sig);
        SpendingPolicy policy = SpendingPolicy.singleKey(new MlDsaPublicKey(Bytes.of(key)));
        return new TransferTx(chainId, SpendingPolicyCodec.address(policy), 1, TestKeys.address(2),
                Amount.ofUnits(n), Amount.ZERO, 0, Bytes.of(new byte[ProtocolLimits.MAX_MEMO_BYTES]), policy,
                List.of(new TxSignature(0, new MlDsaSignature(Bytes.of(sig)))));
    }

    @Test
    void aBlockOverTwoMebibytesIsRejected() {
        Scenario s = new Scenario();
        Block tip = s.mineAndImport(1, 1).getLast();
        List<TransferTx> txs = new ArrayList<>();
        int size = 0;
        while (size <= ProtocolLimits.MAX_BLOCK_BYTES) {
            TransferTx tx = bulky(s.builder.params().chainId(), txs.size());
            txs.add(tx);
            size += io.numicoin.protocol.codec.TransactionCodec.encodedSize(tx);
        }
        Block oversize = s.builder.child(tip).transfers(txs).build();
        assertThat(BlockCodec.encodedSize(oversize)).isGreaterThan(ProtocolLimits.MAX_BLOCK_BYTES);
        s.assertRejected(oversize, BlockRejectReason.BLOCK_TOO_LARGE);
        assertThatThrownBy(() -> BlockCodec.decode(BlockCodec.encode(oversize)))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.error()).isEqualTo(DecodeError.TOO_LARGE));
        s.assertTipAndState(tip);
    }

    @Test
    void aBlockWithMoreThanTenThousandTransactionsIsRejected() {
        Scenario s = new Scenario();
        Block tip = s.mineAndImport(1, 1).getLast();
        Block template = s.builder.child(tip).build();
        List<Transaction> txs = new ArrayList<>(template.transactions());
        TransferTx one = bulky(s.builder.params().chainId(), 0);
        while (txs.size() <= ProtocolLimits.MAX_BLOCK_TRANSACTIONS) {
            txs.add(one);
        }
        Block crowded = s.builder.child(tip).rawTransactions(txs).build();
        BlockImportResult result = s.chain.importBlock(crowded);
        assertThat(result.rejection().orElseThrow().reason()).isEqualTo(BlockRejectReason.TOO_MANY_TRANSACTIONS);
        s.assertTipAndState(tip);
    }

    @Test
    void aBlockJustUnderTheLimitIsJudgedOnItsContent() {
        Scenario s = new Scenario();
        Block tip = s.mineAndImport(1, 1).getLast();
        Address nobody = TestKeys.address(77);
        Block small = s.builder.child(tip).coinbaseTo(nobody).build();
        assertThat(BlockCodec.encodedSize(small)).isLessThan(ProtocolLimits.MAX_BLOCK_BYTES);
        assertThat(s.chain.importBlock(small).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
    }
}

package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Blocks and transactions for state tests: unsigned (the state rules do not check signatures). */
final class TestBlocks {

    static final int CHAIN_ID = 7;
    private static final CompactTarget TARGET = new CompactTarget(0x207f_ffff);

    private TestBlocks() {
    }

    /** A key holder: a random (not real) ML-DSA public key, its 1-of-1 policy and address. */
    record Wallet(SpendingPolicy policy, Address address) {

        static Wallet random(Random random) {
            byte[] key = new byte[MlDsaPublicKey.SIZE];
            random.nextBytes(key);
            SpendingPolicy policy = SpendingPolicy.singleKey(new MlDsaPublicKey(Bytes.of(key)));
            return new Wallet(policy, SpendingPolicyCodec.address(policy));
        }

        TransferTx send(long nonce, Address to, long amount, long fee, long expiryHeight) {
            return new TransferTx(CHAIN_ID, address, nonce, to, Amount.ofUnits(amount), Amount.ofUnits(fee),
                    expiryHeight, Bytes.EMPTY, policy, List.of());
        }

        TransferTx send(long nonce, Wallet to, long amount, long fee) {
            return send(nonce, to.address(), amount, fee, 0);
        }
    }

    static CoinbaseTx coinbase(long height, Address recipient, long amount) {
        return new CoinbaseTx(CHAIN_ID, height, recipient, Amount.ofUnits(amount), Bytes.EMPTY);
    }

    static Block block(long height, List<? extends Transaction> transactions) {
        BlockHeader header = new BlockHeader(BlockHeader.CURRENT_VERSION, height, Hash256.ZERO, Hash256.ZERO,
                Hash256.ZERO, 1_700_000_000L + height, TARGET, 0);
        return new Block(header, List.copyOf(transactions));
    }

    /** A block of {@code coinbase} followed by {@code transfers}. */
    static Block block(CoinbaseTx coinbase, TransferTx... transfers) {
        List<Transaction> txs = new ArrayList<>();
        txs.add(coinbase);
        txs.addAll(List.of(transfers));
        return block(coinbase.height(), txs);
    }
}

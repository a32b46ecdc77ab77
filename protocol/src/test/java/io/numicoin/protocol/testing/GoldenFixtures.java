package io.numicoin.protocol.testing;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * The values behind the golden vector files, built field by field so that a change to an encoder
 * and its decoder together (say, two fields swapped in both) still breaks the golden tests. Keys
 * and signatures are fixed byte patterns: codecs do not check cryptography.
 */
public final class GoldenFixtures {

    public static final int CHAIN_ID = 0x4e554d49;

    private GoldenFixtures() {
    }

    /** {@code length} bytes that depend on {@code seed}: byte i is {@code seed * 97 + i * 13 + i / 256}. */
    public static byte[] pattern(int seed, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (seed * 97 + i * 13 + (i >>> 8));
        }
        return out;
    }

    public static Hash256 hash(int seed) {
        return Hash256.of(pattern(seed, Hash256.SIZE));
    }

    public static MlDsaPublicKey key(int seed) {
        return new MlDsaPublicKey(Bytes.of(pattern(seed, MlDsaPublicKey.SIZE)));
    }

    public static MlDsaSignature signature(int seed) {
        return new MlDsaSignature(Bytes.of(pattern(seed, MlDsaSignature.SIZE)));
    }

    private static Bytes ascii(String text) {
        return Bytes.of(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] filled(int value, int length) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }

    public static SequencedMap<String, BlockHeader> headers() {
        SequencedMap<String, BlockHeader> headers = new LinkedHashMap<>();
        headers.put("header-zero", new BlockHeader(0, 0, Hash256.ZERO, Hash256.ZERO, Hash256.ZERO, 0,
                CompactTarget.fromTarget(BigInteger.ONE), 0));
        headers.put("header-typical", new BlockHeader(1, 123_456, hash(1), hash(2), hash(3), 1_767_225_600L,
                CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(240).subtract(BigInteger.ONE)), 0x0123_4567_89ab_cdefL));
        Hash256 ones = Hash256.of(filled(0xff, Hash256.SIZE));
        headers.put("header-max", new BlockHeader(-1, Long.MAX_VALUE, ones, ones, ones, Long.MAX_VALUE,
                CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)), -1L));
        return headers;
    }

    public static CoinbaseTx coinbase(long height) {
        return new CoinbaseTx(CHAIN_ID, height, new Address(hash(10)), Amount.parseNumi("88.88"), Bytes.EMPTY);
    }

    public static TransferTx singleKeyTransfer(long nonce) {
        SpendingPolicy policy = SpendingPolicy.singleKey(key(1));
        return new TransferTx(CHAIN_ID, SpendingPolicyCodec.address(policy), nonce, new Address(hash(11)),
                Amount.parseNumi("12.5"), Amount.parseNumi("0.001"), 0, Bytes.EMPTY, policy,
                List.of(new TxSignature(0, signature(100 + (int) nonce))));
    }

    public static TransferTx twoOfThreeTransfer(long nonce) {
        SpendingPolicy policy = new SpendingPolicy(2, List.of(key(2), key(3), key(4)));
        return new TransferTx(CHAIN_ID, SpendingPolicyCodec.address(policy), nonce, new Address(hash(12)),
                Amount.parseNumi("1000"), Amount.parseNumi("0.02"), 5_000, ascii("rent, March"), policy,
                List.of(new TxSignature(0, signature(200 + (int) nonce)), new TxSignature(2, signature(300 + (int) nonce))));
    }

    public static SequencedMap<String, Transaction> transactions() {
        SequencedMap<String, Transaction> txs = new LinkedHashMap<>();
        txs.put("coinbase-empty-memo", coinbase(0));
        txs.put("coinbase-memo", new CoinbaseTx(CHAIN_ID, 1, new Address(hash(10)), Amount.parseNumi("88.88"),
                ascii("NumiCoin golden vector")));
        txs.put("coinbase-max", new CoinbaseTx(-1, Long.MAX_VALUE, new Address(Hash256.of(filled(0xff, Hash256.SIZE))),
                Amount.ofUnits(Amount.MAX_MONEY), Bytes.of(pattern(5, 256))));
        txs.put("transfer-single-key", singleKeyTransfer(1));
        txs.put("transfer-2of3", twoOfThreeTransfer(42));
        txs.put("transfer-2of3-unsigned", twoOfThreeTransfer(42).withSignatures(List.of()));
        return txs;
    }

    public static Block block(List<Transaction> transactions) {
        BlockHeader header = new BlockHeader(1, 100, hash(20), MerkleTree.root(transactions), hash(21), 1_767_228_600L,
                CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(250)), 77);
        return new Block(header, transactions);
    }

    public static SequencedMap<String, Block> blocks() {
        List<Transaction> all = List.of(coinbase(100), singleKeyTransfer(1), twoOfThreeTransfer(42),
                singleKeyTransfer(2), twoOfThreeTransfer(43));
        SequencedMap<String, Block> blocks = new LinkedHashMap<>();
        for (int count : new int[] {1, 2, 3, 5}) {
            blocks.put("block-" + count + "tx", block(all.subList(0, count)));
        }
        return blocks;
    }
}

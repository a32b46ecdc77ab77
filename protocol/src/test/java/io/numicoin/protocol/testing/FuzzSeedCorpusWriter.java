package io.numicoin.protocol.testing;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.tx.Transaction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the committed seed corpus of {@code DecoderFuzzTest}: valid encodings and near misses
 * (one field just out of range, truncated, one byte too many). Run by hand; it never overwrites:
 *
 * <pre>
 * java -cp protocol/target/test-classes:protocol/target/classes:$(cat protocol/target/cp.txt) \
 *     io.numicoin.protocol.testing.FuzzSeedCorpusWriter \
 *     protocol/src/test/resources/io/numicoin/protocol/codec/DecoderFuzzTestInputs
 * </pre>
 */
public final class FuzzSeedCorpusWriter {

    private final Path root;

    private FuzzSeedCorpusWriter(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: FuzzSeedCorpusWriter INPUTS_DIR");
            System.exit(2);
        }
        FuzzSeedCorpusWriter writer = new FuzzSeedCorpusWriter(Path.of(args[0]));
        writer.headers();
        writer.policies();
        writer.transactions();
        writer.blocks();
    }

    private void seed(String method, String name, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(root.resolve(method));
        Files.write(dir.resolve(name), bytes, StandardOpenOption.CREATE_NEW);
    }

    private void prefixAndExtension(String method, String name, byte[] valid) throws IOException {
        seed(method, "truncated-" + name, Arrays.copyOf(valid, valid.length - 1));
        seed(method, "trailing-" + name, Arrays.copyOf(valid, valid.length + 1));
    }

    private static byte[] with(byte[] valid, int offset, byte value) {
        byte[] out = valid.clone();
        out[offset] = value;
        return out;
    }

    private void headers() throws IOException {
        for (Map.Entry<String, BlockHeader> e : GoldenFixtures.headers().entrySet()) {
            seed("headerDecode", "valid-" + e.getKey(), BlockHeaderCodec.encode(e.getValue()));
        }
        byte[] typical = BlockHeaderCodec.encode(GoldenFixtures.headers().get("header-typical"));
        seed("headerDecode", "height-2pow63", with(typical, 4, (byte) 0x80));
        seed("headerDecode", "timestamp-2pow63", with(typical, 108, (byte) 0x80));
        byte[] target = typical.clone();
        ByteBuffer.wrap(target).putInt(116, 0x1a00_1000);
        seed("headerDecode", "target-non-canonical", target);
        prefixAndExtension("headerDecode", "header", typical);
    }

    private void policies() throws IOException {
        List<MlDsaPublicKey> keys = new ArrayList<>();
        for (int i = 0; i < SpendingPolicy.MAX_KEYS; i++) {
            keys.add(GoldenFixtures.key(i + 1));
        }
        byte[] one = SpendingPolicyCodec.encode(SpendingPolicy.singleKey(keys.getFirst()));
        byte[] twoOfThree = SpendingPolicyCodec.encode(new SpendingPolicy(2, keys.subList(0, 3)));
        seed("policyRead", "valid-1of1", one);
        seed("policyRead", "valid-2of3", twoOfThree);
        seed("policyRead", "valid-16of16", SpendingPolicyCodec.encode(new SpendingPolicy(16, keys)));
        seed("policyRead", "threshold-0", with(twoOfThree, 0, (byte) 0));
        seed("policyRead", "threshold-above-keys", with(twoOfThree, 0, (byte) 4));
        seed("policyRead", "key-count-0", new byte[] {1, 0});
        seed("policyRead", "key-count-17", new byte[] {1, 17});
        byte[] repeated = twoOfThree.clone();
        System.arraycopy(repeated, 2, repeated, 2 + MlDsaPublicKey.SIZE, MlDsaPublicKey.SIZE);
        seed("policyRead", "repeated-key", repeated);
        prefixAndExtension("policyRead", "1of1", one);
    }

    private void transactions() throws IOException {
        for (Map.Entry<String, Transaction> e : GoldenFixtures.transactions().entrySet()) {
            seed("transactionDecode", "valid-" + e.getKey(), TransactionCodec.encode(e.getValue()));
        }
        byte[] coinbase = TransactionCodec.encode(GoldenFixtures.coinbase(5));
        byte[] transfer = TransactionCodec.encode(GoldenFixtures.twoOfThreeTransfer(42));
        int signatureCount = TransactionCodec.unsignedBody(GoldenFixtures.twoOfThreeTransfer(42)).length;
        seed("transactionDecode", "type-2", with(transfer, 0, (byte) 2));
        seed("transactionDecode", "coinbase-height-2pow63", with(coinbase, 5, (byte) 0x80));
        byte[] nonce = transfer.clone();
        ByteBuffer.wrap(nonce).putLong(37, 0);
        seed("transactionDecode", "nonce-0", nonce);
        byte[] amount = transfer.clone();
        ByteBuffer.wrap(amount).putLong(77, Long.MAX_VALUE);
        seed("transactionDecode", "amount-above-max-money", amount);
        byte[] memo = transfer.clone();
        ByteBuffer.wrap(memo).putShort(101, (short) 257);
        seed("transactionDecode", "memo-257", memo);
        seed("transactionDecode", "signatures-above-keys", with(transfer, signatureCount, (byte) 4));
        seed("transactionDecode", "key-index-repeated",
                with(transfer, signatureCount + 1 + TransactionCodec.SIGNATURE_ENTRY_SIZE, (byte) 0));
        seed("transactionDecode", "key-index-outside-policy",
                with(transfer, signatureCount + 1 + TransactionCodec.SIGNATURE_ENTRY_SIZE, (byte) 3));
        prefixAndExtension("transactionDecode", "transfer", transfer);
        prefixAndExtension("transactionDecode", "coinbase", coinbase);
    }

    private void blocks() throws IOException {
        for (Map.Entry<String, Block> e : GoldenFixtures.blocks().entrySet()) {
            seed("blockDecode", "valid-" + e.getKey(), BlockCodec.encode(e.getValue()));
        }
        byte[] block = BlockCodec.encode(GoldenFixtures.blocks().get("block-2tx"));
        byte[] zero = block.clone();
        ByteBuffer.wrap(zero).putInt(128, 0);
        seed("blockDecode", "count-0", Arrays.copyOf(zero, 132));
        byte[] tooMany = block.clone();
        ByteBuffer.wrap(tooMany).putInt(128, 10_001);
        seed("blockDecode", "count-10001", tooMany);
        byte[] fewer = block.clone();
        ByteBuffer.wrap(fewer).putInt(128, 1);
        seed("blockDecode", "count-below-transactions", fewer);
        byte[] more = block.clone();
        ByteBuffer.wrap(more).putInt(128, 3);
        seed("blockDecode", "count-above-transactions", more);
        prefixAndExtension("blockDecode", "block", block);
    }
}

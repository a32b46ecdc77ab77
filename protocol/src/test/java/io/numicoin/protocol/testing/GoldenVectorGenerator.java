package io.numicoin.protocol.testing;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.HashDomain;
import io.numicoin.protocol.tx.Transaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Writes the golden vector files from {@link GoldenFixtures}. Run by hand only, into an empty
 * directory, then review the difference to {@code src/test/resources/golden/} before copying:
 * a changed vector is a changed consensus encoding. It never overwrites a file.
 *
 * <pre>
 * ./mvnw -q -pl protocol test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp protocol/target/test-classes:protocol/target/classes:$(cat protocol/target/cp.txt) \
 *     io.numicoin.protocol.testing.GoldenVectorGenerator /tmp/golden
 * </pre>
 * (The official BLAKE3 vectors in {@code blake3-derive-key.txt} are copied from upstream, not generated.)
 */
public final class GoldenVectorGenerator {

    /** The input hashed under every {@link HashDomain} in {@code hash-domains.txt}. */
    public static final String DOMAIN_INPUT = "NumiCoin hash domain vector";

    private GoldenVectorGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GoldenVectorGenerator OUTPUT_DIR");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        write(dir.resolve("headers.txt"), headers());
        write(dir.resolve("transactions.txt"), transactions());
        write(dir.resolve("blocks.txt"), blocks());
        write(dir.resolve("hash-domains.txt"), hashDomains());
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        System.out.println("wrote " + file);
    }

    static String headers() {
        StringBuilder out = new StringBuilder("""
                # Block headers: label | encoding (128 bytes) | block id = BLAKE3("numi/block", encoding).
                # Generated once by GoldenVectorGenerator from GoldenFixtures; never regenerate silently.
                """);
        for (Map.Entry<String, BlockHeader> e : GoldenFixtures.headers().entrySet()) {
            out.append(e.getKey()).append(' ').append(Bytes.of(BlockHeaderCodec.encode(e.getValue())).toHex())
                    .append(' ').append(BlockHeaderCodec.id(e.getValue()).toHex()).append('\n');
        }
        return out.toString();
    }

    static String transactions() {
        StringBuilder out = new StringBuilder("""
                # Transactions: label | txid = BLAKE3("numi/tx", body without signatures) | full encoding.
                # Keys and signatures are fixed byte patterns (GoldenFixtures.pattern), not real ML-DSA values.
                # Generated once by GoldenVectorGenerator from GoldenFixtures; never regenerate silently.
                """);
        for (Map.Entry<String, Transaction> e : GoldenFixtures.transactions().entrySet()) {
            out.append(e.getKey()).append(' ').append(TransactionCodec.txid(e.getValue()).toHex())
                    .append(' ').append(Bytes.of(TransactionCodec.encode(e.getValue())).toHex()).append('\n');
        }
        return out.toString();
    }

    static String blocks() {
        StringBuilder out = new StringBuilder("""
                # Blocks: label | merkle root | block id | full encoding.
                # Transactions in order: coinbase(100), transfer-single-key(nonce 1), transfer-2of3(nonce 42),
                # transfer-single-key(nonce 2), transfer-2of3(nonce 43); block-Ntx holds the first N.
                # Generated once by GoldenVectorGenerator from GoldenFixtures; never regenerate silently.
                """);
        for (Map.Entry<String, Block> e : GoldenFixtures.blocks().entrySet()) {
            Block block = e.getValue();
            out.append(e.getKey()).append(' ').append(MerkleTree.root(block.transactions()).toHex())
                    .append(' ').append(BlockHeaderCodec.id(block.header()).toHex())
                    .append(' ').append(Bytes.of(BlockCodec.encode(block)).toHex()).append('\n');
        }
        return out.toString();
    }

    static String hashDomains() {
        byte[] input = DOMAIN_INPUT.getBytes(StandardCharsets.US_ASCII);
        StringBuilder out = new StringBuilder("""
                # One vector per HashDomain: name | context | input (hex of "%s") | BLAKE3-256 derive-key output.
                # Cross-checked with an independent BLAKE3 implementation when generated. Changing one is a hard fork.
                """.formatted(DOMAIN_INPUT));
        for (HashDomain domain : HashDomain.values()) {
            out.append(domain.name()).append(' ').append(domain.context()).append(' ')
                    .append(Bytes.of(input).toHex()).append(' ').append(Blake3.hash(domain, input).toHex()).append('\n');
        }
        return out.toString();
    }
}

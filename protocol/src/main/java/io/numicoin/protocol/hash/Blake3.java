package io.numicoin.protocol.hash;

import static io.numicoin.protocol.hash.Blake3Compression.DERIVE_KEY_CONTEXT;
import static io.numicoin.protocol.hash.Blake3Compression.DERIVE_KEY_MATERIAL;

import io.numicoin.protocol.bytes.Bytes;
import java.util.Objects;

/**
 * BLAKE3 in derive-key mode, one context per {@link HashDomain}. Stateless and thread-safe.
 *
 * <p>The protocol's own implementation ({@link Blake3Hasher}, {@link Blake3Compression}), checked
 * against the official vectors and, on random inputs and by fuzzing, against Bouncy Castle's
 * {@code Blake3Digest}. Each domain's context key is derived once, when this class loads.
 */
public final class Blake3 {

    private static final int[] IV = {
            Blake3Compression.IV0, Blake3Compression.IV1, Blake3Compression.IV2, Blake3Compression.IV3,
            Blake3Compression.IV4, Blake3Compression.IV5, Blake3Compression.IV6, Blake3Compression.IV7};

    /** Each domain's context key, by ordinal. Never written after class initialisation. */
    private static final int[][] DOMAIN_KEYS = domainKeys();

    private Blake3() {
    }

    /** BLAKE3-256 of the concatenation of {@code parts} under {@code domain}. */
    public static Hash256 hash(HashDomain domain, byte[]... parts) {
        return Hash256.of(xof(domain, Hash256.SIZE, parts));
    }

    /** BLAKE3-256 of {@code data[offset, offset + length)} under {@code domain}, without copying it. */
    public static Hash256 hash(HashDomain domain, byte[] data, int offset, int length) {
        Blake3Hasher hasher = new Blake3Hasher(DOMAIN_KEYS[domain.ordinal()], DERIVE_KEY_MATERIAL, length);
        hasher.update(data, offset, length);
        byte[] out = new byte[Hash256.SIZE];
        hasher.finish(out, 0, out.length);
        return Hash256.of(out);
    }

    public static Hash256 hash(HashDomain domain, Bytes data) {
        return hash(domain, data.toArray());
    }

    /** {@code length} bytes of BLAKE3 extendable output of the concatenation of {@code parts}. */
    public static byte[] xof(HashDomain domain, int length, byte[]... parts) {
        return material(DOMAIN_KEYS[domain.ordinal()], length, parts);
    }

    /**
     * BLAKE3 derive-key mode under any context string. Package-private: protocol code names a
     * {@link HashDomain}; tests use this to check the official BLAKE3 test vectors.
     */
    static byte[] deriveKey(byte[] context, int length, byte[]... parts) {
        return material(contextKey(context), length, parts);
    }

    private static byte[] material(int[] contextKey, int length, byte[]... parts) {
        byte[] out = new byte[length];
        long total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        Blake3Hasher hasher = new Blake3Hasher(contextKey, DERIVE_KEY_MATERIAL, total);
        for (byte[] part : parts) {
            hasher.update(part, 0, part.length);
        }
        hasher.finish(out, 0, length);
        return out;
    }

    private static int[] contextKey(byte[] context) {
        Objects.requireNonNull(context, "context");
        Blake3Hasher hasher = new Blake3Hasher(IV, DERIVE_KEY_CONTEXT, context.length);
        hasher.update(context, 0, context.length);
        byte[] keyBytes = new byte[32];
        hasher.finish(keyBytes, 0, keyBytes.length);
        int[] key = new int[8];
        for (int i = 0; i < 8; i++) {
            key[i] = Blake3Compression.readWord(keyBytes, 4 * i);
        }
        return key;
    }

    private static int[][] domainKeys() {
        HashDomain[] domains = HashDomain.values();
        int[][] keys = new int[domains.length][];
        for (HashDomain domain : domains) {
            keys[domain.ordinal()] = contextKey(domain.contextBytes());
        }
        return keys;
    }
}

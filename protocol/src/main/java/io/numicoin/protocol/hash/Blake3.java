package io.numicoin.protocol.hash;

import static io.numicoin.protocol.hash.Blake3Compression.DERIVE_KEY_CONTEXT;
import static io.numicoin.protocol.hash.Blake3Compression.DERIVE_KEY_MATERIAL;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.vector.VectorSupport;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Fewest whole chunks worth the lanes: a pass of {@link Blake3Lanes} costs about as much as two to
     * three chunks compressed one at a time, whatever number of its lanes is filled.
     */
    private static final int MIN_LANE_JOBS = 4;

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

    /**
     * BLAKE3-256 of each input under {@code domain}, in order: the same hashes as {@link #hash} of
     * each, faster for many inputs of more than one chunk (1 KiB). Every input's chunks but its last
     * are compressed side by side in vector lanes where this JVM runs vector code
     * ({@link #laneKernel()}); the rest one hash at a time.
     */
    public static List<Hash256> hashEach(HashDomain domain, List<byte[]> inputs) {
        int[] lengths = new int[inputs.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = inputs.get(i).length;
        }
        return hashEach(domain, inputs, lengths);
    }

    /**
     * As {@link #hashEach(HashDomain, List)} of the first {@code lengths[i]} bytes of each input
     * (without copying them): what {@link #hash(HashDomain, byte[], int, int)} gives for each at offset 0.
     */
    public static List<Hash256> hashEach(HashDomain domain, List<byte[]> inputs, int[] lengths) {
        int count = inputs.size();
        if (lengths.length != count) {
            throw new IllegalArgumentException(count + " inputs but " + lengths.length + " lengths");
        }
        int[] key = DOMAIN_KEYS[domain.ordinal()];
        byte[][] data = inputs.toArray(new byte[count][]);
        int jobs = 0;
        for (int i = 0; i < count; i++) {
            Objects.checkFromIndexSize(0, lengths[i], data[i].length);
            jobs += chunksBeforeTheLast(lengths[i]);
        }
        int[] cvs = jobs >= MIN_LANE_JOBS && Lanes.USABLE ? laneChainingValues(key, data, lengths, jobs) : null;
        List<Hash256> hashes = new ArrayList<>(count);
        int job = 0;
        for (int i = 0; i < count; i++) {
            Blake3Hasher hasher = new Blake3Hasher(key, DERIVE_KEY_MATERIAL, lengths[i]);
            int skipped = 0;
            if (cvs != null) {
                for (int chunk = chunksBeforeTheLast(lengths[i]); skipped < chunk; skipped++, job++) {
                    hasher.addChunkChainingValue(cvs, 8 * job);
                }
            }
            int from = skipped * Blake3Compression.CHUNK_LEN;
            hasher.update(data[i], from, lengths[i] - from);
            byte[] out = new byte[Hash256.SIZE];
            hasher.finish(out, 0, out.length);
            hashes.add(Hash256.of(out));
        }
        return hashes;
    }

    /** How {@link #hashEach} compresses chunks here: {@code "16 lanes"}, or {@code "one at a time (why)"}. */
    public static String laneKernel() {
        return Lanes.USABLE ? Lanes.LANES + " lanes" : "one at a time (" + Lanes.UNUSABLE + ")";
    }

    /** Whole chunks of an input of {@code length} bytes before its last (which may be its root). */
    private static int chunksBeforeTheLast(int length) {
        return length == 0 ? 0 : (length - 1) / Blake3Compression.CHUNK_LEN;
    }

    private static int[] laneChainingValues(int[] key, byte[][] data, int[] lengths, int jobs) {
        int[] owners = new int[jobs];
        int[] chunks = new int[jobs];
        int job = 0;
        for (int i = 0; i < data.length; i++) {
            for (int chunk = 0, before = chunksBeforeTheLast(lengths[i]); chunk < before; chunk++, job++) {
                owners[job] = i;
                chunks[job] = chunk;
            }
        }
        int[] cvs = new int[8 * jobs];
        Blake3Lanes.chunkChainingValues(key, DERIVE_KEY_MATERIAL, data, owners, chunks, jobs, cvs);
        return cvs;
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

    /**
     * Whether {@link Blake3Lanes} runs here, checked when first needed (not when hashing one input):
     * the vector module, C2 and eight or more int lanes; {@link Blake3Lanes} is loaded only then.
     */
    private static final class Lanes {
        static final String UNUSABLE = unusable();
        static final boolean USABLE = UNUSABLE.isEmpty();
        static final int LANES = USABLE ? Blake3Lanes.LANES : 1;

        private static String unusable() {
            if (!VectorSupport.available()) {
                return VectorSupport.unavailableReason();
            }
            return Blake3Lanes.wideEnough() ? "" : "the JVM's int vectors have fewer than eight lanes here (needs AVX2 or wider)";
        }
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

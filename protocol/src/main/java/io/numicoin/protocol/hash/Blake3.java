package io.numicoin.protocol.hash;

import io.numicoin.protocol.bytes.Bytes;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.params.Blake3Parameters;

/** BLAKE3 in derive-key mode, one context per {@link HashDomain}. Stateless and thread-safe. */
public final class Blake3 {

    private Blake3() {
    }

    /** BLAKE3-256 of the concatenation of {@code parts} under {@code domain}. */
    public static Hash256 hash(HashDomain domain, byte[]... parts) {
        return Hash256.of(xof(domain, Hash256.SIZE, parts));
    }

    public static Hash256 hash(HashDomain domain, Bytes data) {
        return hash(domain, data.toArray());
    }

    /** {@code length} bytes of BLAKE3 extendable output of the concatenation of {@code parts}. */
    public static byte[] xof(HashDomain domain, int length, byte[]... parts) {
        return deriveKey(domain.contextBytes(), length, parts);
    }

    /**
     * BLAKE3 derive-key mode under any context string. Package-private: protocol code names a
     * {@link HashDomain}; tests use this to check the official BLAKE3 test vectors.
     */
    static byte[] deriveKey(byte[] context, int length, byte[]... parts) {
        Blake3Digest digest = new Blake3Digest(Hash256.SIZE * 8);
        digest.init(Blake3Parameters.context(context));
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[length];
        digest.doFinal(out, 0, length);
        return out;
    }
}

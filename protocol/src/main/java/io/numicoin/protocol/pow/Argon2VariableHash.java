package io.numicoin.protocol.pow;

/**
 * Argon2's variable-length hash {@code H'^T} (RFC 9106 §3.3): BLAKE2b of {@code LE32(T) || A} for
 * {@code T <= 64}, otherwise a chain of 64-byte BLAKE2b outputs of which the first 32 bytes of each
 * are kept. Reusable and allocation-free; not thread-safe.
 */
final class Argon2VariableHash {

    private static final int HALF = Blake2b.MAX_OUTPUT_BYTES / 2;

    private final Blake2b blake2b = new Blake2b();
    private final byte[] chain = new byte[Blake2b.MAX_OUTPUT_BYTES];

    /** Writes {@code H'^outLength(input[0..inputLength))} to {@code out[outOffset..]}. */
    void hash(byte[] input, int inputLength, byte[] out, int outOffset, int outLength) {
        if (outLength <= Blake2b.MAX_OUTPUT_BYTES) {
            blake2b.init(outLength).updateLe32(outLength).update(input, 0, inputLength).finish(out, outOffset);
            return;
        }
        blake2b.init(Blake2b.MAX_OUTPUT_BYTES).updateLe32(outLength).update(input, 0, inputLength).finish(chain, 0);
        System.arraycopy(chain, 0, out, outOffset, HALF);
        int written = HALF;
        while (outLength - written > Blake2b.MAX_OUTPUT_BYTES) {
            blake2b.init(Blake2b.MAX_OUTPUT_BYTES).update(chain).finish(chain, 0);
            System.arraycopy(chain, 0, out, outOffset + written, HALF);
            written += HALF;
        }
        blake2b.init(outLength - written).update(chain).finish(out, outOffset + written);
    }

    /** The underlying BLAKE2b, for {@code H0}. */
    Blake2b blake2b() {
        return blake2b;
    }
}

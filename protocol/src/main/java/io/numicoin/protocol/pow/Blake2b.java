package io.numicoin.protocol.pow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Unkeyed BLAKE2b (RFC 7693) with output lengths 1..64 bytes, as Argon2 uses it for {@code H0}
 * and the variable-length hash {@code H'}. Reusable: {@link #init} starts a new hash on the same
 * buffers, so hashing allocates nothing. Not thread-safe.
 */
final class Blake2b {

    static final int BLOCK_BYTES = 128;
    static final int MAX_OUTPUT_BYTES = 64;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L,
    };

    private static final byte[][] SIGMA = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
        {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
        {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
        {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
        {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    };

    private final long[] h = new long[8];
    private final long[] m = new long[16];
    private final long[] v = new long[16];
    private final byte[] buffer = new byte[BLOCK_BYTES];
    private final byte[] word = new byte[4];
    private int buffered;
    private long counter;
    private int outputLength;

    /** Starts a new hash with an {@code outputLength}-byte digest (1..64). */
    Blake2b init(int outputLength) {
        if (outputLength < 1 || outputLength > MAX_OUTPUT_BYTES) {
            throw new IllegalArgumentException("BLAKE2b output length must be 1..64, got " + outputLength);
        }
        System.arraycopy(IV, 0, h, 0, 8);
        h[0] ^= 0x0101_0000L ^ outputLength;
        this.outputLength = outputLength;
        buffered = 0;
        counter = 0;
        return this;
    }

    Blake2b update(byte[] input, int offset, int length) {
        while (length > 0) {
            if (buffered == BLOCK_BYTES) {
                counter += BLOCK_BYTES;
                compress(false);
                buffered = 0;
            }
            int n = Math.min(BLOCK_BYTES - buffered, length);
            System.arraycopy(input, offset, buffer, buffered, n);
            buffered += n;
            offset += n;
            length -= n;
        }
        return this;
    }

    Blake2b update(byte[] input) {
        return update(input, 0, input.length);
    }

    /** Feeds {@code value} as four little-endian bytes ({@code LE32} in RFC 9106). */
    Blake2b updateLe32(int value) {
        INT_LE.set(word, 0, value);
        return update(word, 0, 4);
    }

    /** Writes the digest ({@code outputLength} bytes) to {@code out} at {@code offset}. */
    void finish(byte[] out, int offset) {
        counter += buffered;
        Arrays.fill(buffer, buffered, BLOCK_BYTES, (byte) 0);
        compress(true);
        int full = outputLength / 8;
        for (int i = 0; i < full; i++) {
            LONG_LE.set(out, offset + 8 * i, h[i]);
        }
        for (int i = full * 8; i < outputLength; i++) {
            out[offset + i] = (byte) (h[i / 8] >>> (8 * (i % 8)));
        }
    }

    private void compress(boolean last) {
        for (int i = 0; i < 16; i++) {
            m[i] = (long) LONG_LE.get(buffer, 8 * i);
        }
        System.arraycopy(h, 0, v, 0, 8);
        System.arraycopy(IV, 0, v, 8, 8);
        v[12] ^= counter;
        if (last) {
            v[14] = ~v[14];
        }
        for (int round = 0; round < 12; round++) {
            byte[] s = SIGMA[round % 10];
            mix(0, 4, 8, 12, m[s[0]], m[s[1]]);
            mix(1, 5, 9, 13, m[s[2]], m[s[3]]);
            mix(2, 6, 10, 14, m[s[4]], m[s[5]]);
            mix(3, 7, 11, 15, m[s[6]], m[s[7]]);
            mix(0, 5, 10, 15, m[s[8]], m[s[9]]);
            mix(1, 6, 11, 12, m[s[10]], m[s[11]]);
            mix(2, 7, 8, 13, m[s[12]], m[s[13]]);
            mix(3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for (int i = 0; i < 8; i++) {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    private void mix(int a, int b, int c, int d, long x, long y) {
        v[a] += v[b] + x;
        v[d] = Long.rotateRight(v[d] ^ v[a], 32);
        v[c] += v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 24);
        v[a] += v[b] + y;
        v[d] = Long.rotateRight(v[d] ^ v[a], 16);
        v[c] += v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 63);
    }
}

package io.numicoin.protocol.pow;

/**
 * Argon2's compression function {@code G} (RFC 9106 §3.5) on 1 KiB blocks of 128 little-endian
 * words, written for speed: the BLAKE2b-based permutation with BlaMka multiplications is unrolled
 * so each round keeps its 16 words in locals, and the two XORs around it run as simple loops the
 * JIT vectorises. Stateless; the caller passes the 128-word scratch array.
 */
final class BlaMka {

    /** Words in one Argon2 block. */
    static final int WORDS = 128;

    private static final long LOW_32 = 0xFFFF_FFFFL;

    private BlaMka() {
    }

    /**
     * Computes {@code G(X, Y)} for {@code X = mem[prev..]}, {@code Y = mem[ref..]} (word offsets)
     * and stores it at {@code mem[curr..]}, or XORs it into the block already there when
     * {@code xorIntoCurrent} (passes after the first, version 0x13). {@code curr} must differ from
     * {@code prev} and {@code ref} unless it is the same block as one of them at every word (the
     * address-block case {@code G(0, A) -> A}), which is read before it is written.
     */
    static void compress(long[] mem, int prev, int ref, int curr, boolean xorIntoCurrent, long[] z) {
        for (int k = 0; k < WORDS; k++) {
            z[k] = mem[prev + k] ^ mem[ref + k];
        }
        for (int o = 0; o < WORDS; o += 16) {
            rowRound(z, o);
        }
        for (int o = 0; o < 16; o += 2) {
            columnRound(z, o);
        }
        if (xorIntoCurrent) {
            for (int k = 0; k < WORDS; k++) {
                mem[curr + k] ^= z[k] ^ mem[prev + k] ^ mem[ref + k];
            }
        } else {
            for (int k = 0; k < WORDS; k++) {
                mem[curr + k] = z[k] ^ mem[prev + k] ^ mem[ref + k];
            }
        }
    }

    /** The BlaMka multiply-add: {@code x + y + 2 * lo32(x) * lo32(y)}. */
    private static long f(long x, long y) {
        return x + y + ((x & LOW_32) * (y & LOW_32) << 1);
    }

    /** One BLAKE2b round without message on the 16 consecutive words {@code z[o..o+15]}. */
    private static void rowRound(long[] z, int o) {
        long v0 = z[o]; long v1 = z[o + 1]; long v2 = z[o + 2]; long v3 = z[o + 3];
        long v4 = z[o + 4]; long v5 = z[o + 5]; long v6 = z[o + 6]; long v7 = z[o + 7];
        long v8 = z[o + 8]; long v9 = z[o + 9]; long v10 = z[o + 10]; long v11 = z[o + 11];
        long v12 = z[o + 12]; long v13 = z[o + 13]; long v14 = z[o + 14]; long v15 = z[o + 15];
        v0 = f(v0, v4); v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 = f(v8, v12); v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = f(v0, v4); v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 = f(v8, v12); v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = f(v1, v5); v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 = f(v9, v13); v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = f(v1, v5); v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 = f(v9, v13); v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = f(v2, v6); v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 = f(v10, v14); v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = f(v2, v6); v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 = f(v10, v14); v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = f(v3, v7); v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 = f(v11, v15); v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = f(v3, v7); v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 = f(v11, v15); v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = f(v0, v5); v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 = f(v10, v15); v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = f(v0, v5); v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 = f(v10, v15); v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = f(v1, v6); v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 = f(v11, v12); v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = f(v1, v6); v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 = f(v11, v12); v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = f(v2, v7); v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 = f(v8, v13); v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = f(v2, v7); v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 = f(v8, v13); v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = f(v3, v4); v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 = f(v9, v14); v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = f(v3, v4); v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 = f(v9, v14); v4 = Long.rotateRight(v4 ^ v9, 63);
        z[o] = v0; z[o + 1] = v1; z[o + 2] = v2; z[o + 3] = v3;
        z[o + 4] = v4; z[o + 5] = v5; z[o + 6] = v6; z[o + 7] = v7;
        z[o + 8] = v8; z[o + 9] = v9; z[o + 10] = v10; z[o + 11] = v11;
        z[o + 12] = v12; z[o + 13] = v13; z[o + 14] = v14; z[o + 15] = v15;
    }

    /** One round on column {@code o / 2}: the word pairs at {@code o + 16 * j} for j = 0..7. */
    private static void columnRound(long[] z, int o) {
        long v0 = z[o]; long v1 = z[o + 1]; long v2 = z[o + 16]; long v3 = z[o + 17];
        long v4 = z[o + 32]; long v5 = z[o + 33]; long v6 = z[o + 48]; long v7 = z[o + 49];
        long v8 = z[o + 64]; long v9 = z[o + 65]; long v10 = z[o + 80]; long v11 = z[o + 81];
        long v12 = z[o + 96]; long v13 = z[o + 97]; long v14 = z[o + 112]; long v15 = z[o + 113];
        v0 = f(v0, v4); v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 = f(v8, v12); v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = f(v0, v4); v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 = f(v8, v12); v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = f(v1, v5); v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 = f(v9, v13); v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = f(v1, v5); v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 = f(v9, v13); v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = f(v2, v6); v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 = f(v10, v14); v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = f(v2, v6); v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 = f(v10, v14); v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = f(v3, v7); v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 = f(v11, v15); v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = f(v3, v7); v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 = f(v11, v15); v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = f(v0, v5); v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 = f(v10, v15); v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = f(v0, v5); v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 = f(v10, v15); v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = f(v1, v6); v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 = f(v11, v12); v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = f(v1, v6); v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 = f(v11, v12); v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = f(v2, v7); v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 = f(v8, v13); v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = f(v2, v7); v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 = f(v8, v13); v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = f(v3, v4); v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 = f(v9, v14); v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = f(v3, v4); v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 = f(v9, v14); v4 = Long.rotateRight(v4 ^ v9, 63);
        z[o] = v0; z[o + 1] = v1; z[o + 16] = v2; z[o + 17] = v3;
        z[o + 32] = v4; z[o + 33] = v5; z[o + 48] = v6; z[o + 49] = v7;
        z[o + 64] = v8; z[o + 65] = v9; z[o + 80] = v10; z[o + 81] = v11;
        z[o + 96] = v12; z[o + 97] = v13; z[o + 112] = v14; z[o + 113] = v15;
    }
}

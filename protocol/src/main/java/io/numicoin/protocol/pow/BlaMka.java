package io.numicoin.protocol.pow;

/**
 * Argon2's compression function {@code G} (RFC 9106 §3.5) on 1 KiB blocks of 128 little-endian
 * words, written for speed. {@code G(X, Y)} XORs the two blocks into {@code R}, applies the
 * BLAKE2b-based permutation {@code P} with BlaMka multiplications to each of the 8 rows and then
 * each of the 8 columns, and XORs the result with {@code R} again. Here every round is unrolled
 * with its 16 words in locals; the first XOR is fused into the row rounds (which read the two
 * input blocks directly) and the last into the column rounds (which write the output block), so a
 * block makes one trip through the 128-word scratch array. Stateless.
 */
final class BlaMka {

    /** Words in one Argon2 block. */
    static final int WORDS = 128;

    private static final long LOW_32 = 0xFFFF_FFFFL;

    private BlaMka() {
    }

    /**
     * Computes {@code G(X, Y)} for the blocks at word offsets {@code prev} and {@code ref} of
     * {@code mem} and stores it at {@code curr}, or XORs it into the block already there when
     * {@code xorIntoCurrent} (passes after the first, version 0x13). {@code curr} may equal
     * {@code ref} (the address block case {@code A = G(0, A)}) but must not overlap either input
     * otherwise. {@code scratch} holds at least 128 words.
     */
    static void compress(long[] mem, int prev, int ref, int curr, boolean xorIntoCurrent, long[] scratch) {
        for (int o = 0; o < WORDS; o += 16) {
            rowRound(mem, prev + o, ref + o, scratch, o);
        }
        if (xorIntoCurrent) {
            for (int o = 0; o < 16; o += 2) {
                columnRoundXorInto(scratch, o, mem, prev + o, ref + o, curr + o);
            }
        } else {
            for (int o = 0; o < 16; o += 2) {
                columnRound(scratch, o, mem, prev + o, ref + o, curr + o);
            }
        }
    }

    /** The BlaMka multiply-add: {@code x + y + 2 * lo32(x) * lo32(y)}. */
    private static long f(long x, long y) {
        return x + y + ((x & LOW_32) * (y & LOW_32) << 1);
    }

    /** Row round: {@code z[o..o+15] = P(mem[p..p+15] ^ mem[r..r+15])}. */
    private static void rowRound(long[] mem, int p, int r, long[] z, int o) {
        long v0 = mem[p] ^ mem[r]; long v1 = mem[p + 1] ^ mem[r + 1];
        long v2 = mem[p + 2] ^ mem[r + 2]; long v3 = mem[p + 3] ^ mem[r + 3];
        long v4 = mem[p + 4] ^ mem[r + 4]; long v5 = mem[p + 5] ^ mem[r + 5];
        long v6 = mem[p + 6] ^ mem[r + 6]; long v7 = mem[p + 7] ^ mem[r + 7];
        long v8 = mem[p + 8] ^ mem[r + 8]; long v9 = mem[p + 9] ^ mem[r + 9];
        long v10 = mem[p + 10] ^ mem[r + 10]; long v11 = mem[p + 11] ^ mem[r + 11];
        long v12 = mem[p + 12] ^ mem[r + 12]; long v13 = mem[p + 13] ^ mem[r + 13];
        long v14 = mem[p + 14] ^ mem[r + 14]; long v15 = mem[p + 15] ^ mem[r + 15];
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

    /** Column round {@code o / 2} on the word pairs {@code z[o + 16j], z[o + 16j + 1]}, output XORed with R. */
    private static void columnRound(long[] z, int o, long[] mem, int p, int r, int c) {
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
        mem[c] = v0 ^ mem[p] ^ mem[r];
        mem[c + 1] = v1 ^ mem[p + 1] ^ mem[r + 1];
        mem[c + 16] = v2 ^ mem[p + 16] ^ mem[r + 16];
        mem[c + 17] = v3 ^ mem[p + 17] ^ mem[r + 17];
        mem[c + 32] = v4 ^ mem[p + 32] ^ mem[r + 32];
        mem[c + 33] = v5 ^ mem[p + 33] ^ mem[r + 33];
        mem[c + 48] = v6 ^ mem[p + 48] ^ mem[r + 48];
        mem[c + 49] = v7 ^ mem[p + 49] ^ mem[r + 49];
        mem[c + 64] = v8 ^ mem[p + 64] ^ mem[r + 64];
        mem[c + 65] = v9 ^ mem[p + 65] ^ mem[r + 65];
        mem[c + 80] = v10 ^ mem[p + 80] ^ mem[r + 80];
        mem[c + 81] = v11 ^ mem[p + 81] ^ mem[r + 81];
        mem[c + 96] = v12 ^ mem[p + 96] ^ mem[r + 96];
        mem[c + 97] = v13 ^ mem[p + 97] ^ mem[r + 97];
        mem[c + 112] = v14 ^ mem[p + 112] ^ mem[r + 112];
        mem[c + 113] = v15 ^ mem[p + 113] ^ mem[r + 113];
    }

    /** As {@link #columnRound}, XORing the result into the block at {@code c}. */
    private static void columnRoundXorInto(long[] z, int o, long[] mem, int p, int r, int c) {
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
        mem[c] ^= v0 ^ mem[p] ^ mem[r];
        mem[c + 1] ^= v1 ^ mem[p + 1] ^ mem[r + 1];
        mem[c + 16] ^= v2 ^ mem[p + 16] ^ mem[r + 16];
        mem[c + 17] ^= v3 ^ mem[p + 17] ^ mem[r + 17];
        mem[c + 32] ^= v4 ^ mem[p + 32] ^ mem[r + 32];
        mem[c + 33] ^= v5 ^ mem[p + 33] ^ mem[r + 33];
        mem[c + 48] ^= v6 ^ mem[p + 48] ^ mem[r + 48];
        mem[c + 49] ^= v7 ^ mem[p + 49] ^ mem[r + 49];
        mem[c + 64] ^= v8 ^ mem[p + 64] ^ mem[r + 64];
        mem[c + 65] ^= v9 ^ mem[p + 65] ^ mem[r + 65];
        mem[c + 80] ^= v10 ^ mem[p + 80] ^ mem[r + 80];
        mem[c + 81] ^= v11 ^ mem[p + 81] ^ mem[r + 81];
        mem[c + 96] ^= v12 ^ mem[p + 96] ^ mem[r + 96];
        mem[c + 97] ^= v13 ^ mem[p + 97] ^ mem[r + 97];
        mem[c + 112] ^= v14 ^ mem[p + 112] ^ mem[r + 112];
        mem[c + 113] ^= v15 ^ mem[p + 113] ^ mem[r + 113];
    }
}

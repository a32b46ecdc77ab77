package io.numicoin.protocol.hash;

import static io.numicoin.protocol.hash.Blake3Compression.BLOCK_LEN;
import static io.numicoin.protocol.hash.Blake3Compression.CHUNK_END;
import static io.numicoin.protocol.hash.Blake3Compression.CHUNK_LEN;
import static io.numicoin.protocol.hash.Blake3Compression.CHUNK_START;
import static io.numicoin.protocol.hash.Blake3Compression.IV0;
import static io.numicoin.protocol.hash.Blake3Compression.IV1;
import static io.numicoin.protocol.hash.Blake3Compression.IV2;
import static io.numicoin.protocol.hash.Blake3Compression.IV3;
import static io.numicoin.protocol.hash.Blake3Compression.readWord;
import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The chaining values of many whole BLAKE3 chunks at once, one chunk per vector lane (what the
 * reference implementation's {@code hash_many} does with SIMD): each lane runs the same 16
 * compressions over its own chunk, so {@code L} chunks cost about as much as a few compressed one
 * at a time. Only chunks that are not the last of their input qualify — such a chunk is 1,024 bytes
 * and never the root — so every lane has the same block lengths and flags; the last chunk, the
 * parents and the root stay with {@link Blake3Hasher}.
 *
 * <p>Written for C2's vector intrinsics as {@code BlaMkaVector} is: the vectors live only inside
 * {@link #compress}, which reads its input from and writes its output to int arrays, so no vector
 * crosses a call C2 might not inline (a boxed vector runs tens of times slower than scalar code).
 * Load it only where {@link io.numicoin.protocol.vector.VectorSupport#available()} and
 * {@link #wideEnough()}. Stateless.
 */
final class Blake3Lanes {

    private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
    /** Chunks compressed side by side: 16 with AVX-512, 8 with AVX2. */
    static final int LANES = SPECIES.length();
    private static final int BLOCKS_PER_CHUNK = CHUNK_LEN / BLOCK_LEN;
    private static final int ROUNDS = 7;
    private static final int[] PERMUTATION = {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8};
    /**
     * Where round {@code r}'s {@code i}-th message word sits in the transposed block ({@code word * LANES}):
     * the message permutation applied ahead of time, so the rounds load words instead of shuffling them.
     */
    private static final int[] SCHEDULE = schedule();

    private Blake3Lanes() {
    }

    /** Whether the JVM's preferred int vectors have at least eight lanes (AVX2 or wider on x86). */
    static boolean wideEnough() {
        return LANES >= 8;
    }

    /**
     * Writes the chaining value of chunk {@code chunks[j]} of {@code inputs[owners[j]]} to
     * {@code cvs[8j, 8j + 8)} for each job {@code j < jobs}. Each such chunk must be whole (its
     * 1,024 bytes within its input) and must not be its input's last.
     *
     * @param key the 8 key words of the hash's mode
     * @param flags the mode's flags (added to every compression)
     */
    static void chunkChainingValues(int[] key, int flags, byte[][] inputs, int[] owners, int[] chunks, int jobs, int[] cvs) {
        int[] message = new int[16 * LANES];
        int[] state = new int[10 * LANES];  // [0, 8L): the chaining values; [8L, 10L): the chunk counters, low then high words
        for (int first = 0; first < jobs; first += LANES) {
            int filled = Math.min(LANES, jobs - first);
            for (int lane = 0; lane < LANES; lane++) {
                int job = first + Math.min(lane, filled - 1);  // spare lanes repeat the last job; their output is dropped
                long counter = chunks[job];
                state[8 * LANES + lane] = (int) counter;
                state[9 * LANES + lane] = (int) (counter >>> 32);
                for (int w = 0; w < 8; w++) {
                    state[w * LANES + lane] = key[w];
                }
            }
            for (int block = 0; block < BLOCKS_PER_CHUNK; block++) {
                for (int lane = 0; lane < LANES; lane++) {
                    int job = first + Math.min(lane, filled - 1);
                    byte[] input = inputs[owners[job]];
                    int offset = chunks[job] * CHUNK_LEN + block * BLOCK_LEN;
                    for (int w = 0; w < 16; w++) {
                        message[w * LANES + lane] = readWord(input, offset + 4 * w);
                    }
                }
                int blockFlags = flags | (block == 0 ? CHUNK_START : 0) | (block == BLOCKS_PER_CHUNK - 1 ? CHUNK_END : 0);
                compress(state, message, blockFlags);
            }
            for (int lane = 0; lane < filled; lane++) {
                for (int w = 0; w < 8; w++) {
                    cvs[8 * (first + lane) + w] = state[w * LANES + lane];
                }
            }
        }
    }

    /**
     * One full-block compression in every lane: {@code state}'s chaining values (word {@code w} of
     * every lane at {@code [w * LANES, (w + 1) * LANES)}) become the next ones; {@code message} holds
     * the block transposed the same way; the counters follow the chaining values.
     */
    private static void compress(int[] state, int[] message, int flags) {
        IntVector v0 = IntVector.fromArray(SPECIES, state, 0);
        IntVector v1 = IntVector.fromArray(SPECIES, state, LANES);
        IntVector v2 = IntVector.fromArray(SPECIES, state, 2 * LANES);
        IntVector v3 = IntVector.fromArray(SPECIES, state, 3 * LANES);
        IntVector v4 = IntVector.fromArray(SPECIES, state, 4 * LANES);
        IntVector v5 = IntVector.fromArray(SPECIES, state, 5 * LANES);
        IntVector v6 = IntVector.fromArray(SPECIES, state, 6 * LANES);
        IntVector v7 = IntVector.fromArray(SPECIES, state, 7 * LANES);
        IntVector v8 = IntVector.broadcast(SPECIES, IV0);
        IntVector v9 = IntVector.broadcast(SPECIES, IV1);
        IntVector v10 = IntVector.broadcast(SPECIES, IV2);
        IntVector v11 = IntVector.broadcast(SPECIES, IV3);
        IntVector v12 = IntVector.fromArray(SPECIES, state, 8 * LANES);
        IntVector v13 = IntVector.fromArray(SPECIES, state, 9 * LANES);
        IntVector v14 = IntVector.broadcast(SPECIES, BLOCK_LEN);
        IntVector v15 = IntVector.broadcast(SPECIES, flags);
        for (int r = 0; r < ROUNDS * 16; r += 16) {
            // columns
            v0 = v0.add(v4).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r])); v12 = v12.lanewise(XOR, v0).lanewise(ROR, 16); v8 = v8.add(v12); v4 = v4.lanewise(XOR, v8).lanewise(ROR, 12);
            v0 = v0.add(v4).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 1])); v12 = v12.lanewise(XOR, v0).lanewise(ROR, 8); v8 = v8.add(v12); v4 = v4.lanewise(XOR, v8).lanewise(ROR, 7);
            v1 = v1.add(v5).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 2])); v13 = v13.lanewise(XOR, v1).lanewise(ROR, 16); v9 = v9.add(v13); v5 = v5.lanewise(XOR, v9).lanewise(ROR, 12);
            v1 = v1.add(v5).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 3])); v13 = v13.lanewise(XOR, v1).lanewise(ROR, 8); v9 = v9.add(v13); v5 = v5.lanewise(XOR, v9).lanewise(ROR, 7);
            v2 = v2.add(v6).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 4])); v14 = v14.lanewise(XOR, v2).lanewise(ROR, 16); v10 = v10.add(v14); v6 = v6.lanewise(XOR, v10).lanewise(ROR, 12);
            v2 = v2.add(v6).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 5])); v14 = v14.lanewise(XOR, v2).lanewise(ROR, 8); v10 = v10.add(v14); v6 = v6.lanewise(XOR, v10).lanewise(ROR, 7);
            v3 = v3.add(v7).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 6])); v15 = v15.lanewise(XOR, v3).lanewise(ROR, 16); v11 = v11.add(v15); v7 = v7.lanewise(XOR, v11).lanewise(ROR, 12);
            v3 = v3.add(v7).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 7])); v15 = v15.lanewise(XOR, v3).lanewise(ROR, 8); v11 = v11.add(v15); v7 = v7.lanewise(XOR, v11).lanewise(ROR, 7);
            // diagonals
            v0 = v0.add(v5).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 8])); v15 = v15.lanewise(XOR, v0).lanewise(ROR, 16); v10 = v10.add(v15); v5 = v5.lanewise(XOR, v10).lanewise(ROR, 12);
            v0 = v0.add(v5).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 9])); v15 = v15.lanewise(XOR, v0).lanewise(ROR, 8); v10 = v10.add(v15); v5 = v5.lanewise(XOR, v10).lanewise(ROR, 7);
            v1 = v1.add(v6).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 10])); v12 = v12.lanewise(XOR, v1).lanewise(ROR, 16); v11 = v11.add(v12); v6 = v6.lanewise(XOR, v11).lanewise(ROR, 12);
            v1 = v1.add(v6).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 11])); v12 = v12.lanewise(XOR, v1).lanewise(ROR, 8); v11 = v11.add(v12); v6 = v6.lanewise(XOR, v11).lanewise(ROR, 7);
            v2 = v2.add(v7).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 12])); v13 = v13.lanewise(XOR, v2).lanewise(ROR, 16); v8 = v8.add(v13); v7 = v7.lanewise(XOR, v8).lanewise(ROR, 12);
            v2 = v2.add(v7).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 13])); v13 = v13.lanewise(XOR, v2).lanewise(ROR, 8); v8 = v8.add(v13); v7 = v7.lanewise(XOR, v8).lanewise(ROR, 7);
            v3 = v3.add(v4).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 14])); v14 = v14.lanewise(XOR, v3).lanewise(ROR, 16); v9 = v9.add(v14); v4 = v4.lanewise(XOR, v9).lanewise(ROR, 12);
            v3 = v3.add(v4).add(IntVector.fromArray(SPECIES, message, SCHEDULE[r + 15])); v14 = v14.lanewise(XOR, v3).lanewise(ROR, 8); v9 = v9.add(v14); v4 = v4.lanewise(XOR, v9).lanewise(ROR, 7);
        }
        v0.lanewise(XOR, v8).intoArray(state, 0);
        v1.lanewise(XOR, v9).intoArray(state, LANES);
        v2.lanewise(XOR, v10).intoArray(state, 2 * LANES);
        v3.lanewise(XOR, v11).intoArray(state, 3 * LANES);
        v4.lanewise(XOR, v12).intoArray(state, 4 * LANES);
        v5.lanewise(XOR, v13).intoArray(state, 5 * LANES);
        v6.lanewise(XOR, v14).intoArray(state, 6 * LANES);
        v7.lanewise(XOR, v15).intoArray(state, 7 * LANES);
    }

    private static int[] schedule() {
        int[] schedule = new int[ROUNDS * 16];
        int[] words = new int[16];
        for (int i = 0; i < 16; i++) {
            words[i] = i;
        }
        for (int round = 0; round < ROUNDS; round++) {
            int[] next = new int[16];
            for (int i = 0; i < 16; i++) {
                schedule[round * 16 + i] = words[i] * LANES;
                next[i] = words[PERMUTATION[i]];
            }
            words = next;
        }
        return schedule;
    }
}

package io.numicoin.protocol.crypto.mldsa;

/**
 * FIPS 204 Algorithm 32, ExpandA: the k × ℓ matrix {@code Â} from the public seed ρ, each entry
 * RejNTTPoly (Algorithm 30) of SHAKE128({@code ρ || s || r}): coefficients from three bytes each (the
 * top bit of the third cleared), kept when below q, already in the NTT domain.
 *
 * <p>The 30 streams are independent and could be squeezed side by side in vector lanes; a
 * jdk.incubator.vector Keccak did that at 1.5× this speed in a benchmark, but in a node C2 compiled
 * its rounds past its inlining cutoff and the vector operations fell back to allocating library
 * code (~1 GB/s of garbage), so it is not used (docs/decisions.md, "ML-DSA-65 verified in-tree").
 */
final class MatrixExpansion {

    static final int SEED_BYTES = 32;
    private static final int N = Ntt.N;
    private static final int RATE = Shake.RATE_128;
    /** Blocks squeezed at once: 5 × 168 bytes, 280 candidates for 256 coefficients. */
    private static final int FIRST_SQUEEZE_BLOCKS = 5;

    private MatrixExpansion() {
    }

    /** {@code Â} as {@code rows × columns} polynomials, entry (r, s) at {@code r * columns + s}. */
    static int[][] expand(byte[] publicKey, int rows, int columns) {
        int[][] matrix = new int[rows * columns][];
        byte[] seed = new byte[SEED_BYTES + 2];
        System.arraycopy(publicKey, 0, seed, 0, SEED_BYTES);
        Shake g = Shake.shake128();
        byte[] block = new byte[FIRST_SQUEEZE_BLOCKS * RATE];
        for (int r = 0; r < rows; r++) {
            for (int s = 0; s < columns; s++) {
                seed[SEED_BYTES] = (byte) s;
                seed[SEED_BYTES + 1] = (byte) r;
                g.reset();
                g.absorb(seed);
                int[] poly = new int[N];
                g.squeeze(block, 0, block.length);
                int count = take(block, block.length, poly, 0);
                while (count < N) {  // more than 24 of 280 candidates rejected: p < 2^-100
                    g.squeeze(block, 0, RATE);
                    count = take(block, RATE, poly, count);
                }
                matrix[r * columns + s] = poly;
            }
        }
        return matrix;
    }

    /** Takes coefficients from {@code length} bytes (a multiple of 3) into {@code poly} from {@code count}; the new count. */
    private static int take(byte[] bytes, int length, int[] poly, int count) {
        for (int i = 0; i + 3 <= length && count < N; i += 3) {
            int candidate = (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0x7f) << 16;
            if (candidate < Ntt.Q) {
                poly[count++] = candidate;
            }
        }
        return count;
    }
}

package io.numicoin.protocol.crypto.mldsa;

import io.numicoin.protocol.vector.VectorSupport;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * FIPS 204 Algorithm 32, ExpandA: the k × ℓ matrix {@code Â} from the public seed ρ, each entry
 * RejNTTPoly (Algorithm 30) of SHAKE128({@code ρ || s || r}): coefficients from three bytes each (the
 * top bit of the third cleared), kept when below q, already in the NTT domain. The 30 SHAKE128
 * streams are independent: where the JVM has vectors ({@link VectorSupport}) they are squeezed
 * {@link KeccakF1600Lanes#width()} at a time, else one after another; both give the same matrix.
 */
final class MatrixExpansion {

    static final int SEED_BYTES = 32;
    private static final int N = Ntt.N;
    private static final int RATE = Shake.RATE_128;
    private static final int RATE_LANES = RATE / 8;
    /** Blocks squeezed at once by the scalar path: 5 × 168 bytes, 280 candidates for 256 coefficients. */
    private static final int SCALAR_BLOCKS = 5;
    private static final VarHandle LITTLE_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final boolean VECTOR = VectorSupport.available() && KeccakF1600Lanes.width() >= 2;

    private MatrixExpansion() {
    }

    /** {@code Â} as {@code rows × columns} polynomials, entry (r, s) at {@code r * columns + s}. */
    static int[][] expand(byte[] publicKey, int rows, int columns) {
        return VECTOR ? expandVector(publicKey, rows, columns) : expandScalar(publicKey, rows, columns);
    }

    /** Whether {@link #expand} squeezes several streams at once on this JVM. */
    static boolean vectorised() {
        return VECTOR;
    }

    static int[][] expandScalar(byte[] publicKey, int rows, int columns) {
        int[][] matrix = new int[rows * columns][];
        byte[] seed = new byte[SEED_BYTES + 2];
        System.arraycopy(publicKey, 0, seed, 0, SEED_BYTES);
        Shake g = Shake.shake128();
        byte[] block = new byte[SCALAR_BLOCKS * RATE];
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

    static int[][] expandVector(byte[] publicKey, int rows, int columns) {
        int width = KeccakF1600Lanes.width();
        int entries = rows * columns;
        int[][] matrix = new int[entries][];
        long[] rho = new long[4];
        for (int i = 0; i < 4; i++) {
            rho[i] = (long) LITTLE_ENDIAN_LONG.get(publicKey, 8 * i);
        }
        long[] lanes = new long[25 * width];
        byte[] block = new byte[RATE];
        int[] counts = new int[width];
        for (int first = 0; first < entries; first += width) {
            int streams = Math.min(width, entries - first);
            Arrays.fill(lanes, 0L);
            for (int t = 0; t < streams; t++) {
                int entry = first + t;
                for (int i = 0; i < 4; i++) {
                    lanes[i * width + t] = rho[i];
                }
                // ρ is 32 bytes: s, r and SHAKE's domain byte 0x1F fill lane 4; pad10*1's last bit ends the block
                lanes[4 * width + t] = (entry % columns) | (long) (entry / columns) << 8 | 0x1FL << 16;
                lanes[(RATE_LANES - 1) * width + t] = 0x80L << 56;
                matrix[entry] = new int[N];
                counts[t] = 0;
            }
            int done = 0;
            while (done < streams) {
                KeccakF1600Lanes.permute(lanes);
                done = 0;
                for (int t = 0; t < streams; t++) {
                    if (counts[t] < N) {
                        for (int i = 0; i < RATE_LANES; i++) {
                            LITTLE_ENDIAN_LONG.set(block, 8 * i, lanes[i * width + t]);
                        }
                        counts[t] = take(block, RATE, matrix[first + t], counts[t]);
                    }
                    done += counts[t] == N ? 1 : 0;
                }
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

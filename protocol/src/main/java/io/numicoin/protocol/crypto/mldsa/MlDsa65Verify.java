package io.numicoin.protocol.crypto.mldsa;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * ML-DSA-65 verification (FIPS 204 Algorithm 8, ML-DSA.Verify_internal, after Algorithm 3's pure
 * mode: {@code M' = 0x00 || |ctx| || ctx || M}; NumiCoin signs with an empty context). Every step is
 * the standard's, on the standard's encodings; a malformed key or signature is simply invalid.
 * Stateless and thread-safe.
 *
 * <p>What depends on the key alone ({@code Â}, {@code NTT(t1 · 2^d)}, {@code tr}) is an
 * {@link ExpandedPublicKey}, made per call from the key's bytes or kept by the caller; each row of
 * {@code Â ∘ NTT(z) − NTT(c) ∘ NTT(t1 · 2^d)} is then finished (the inverse transform, the hints,
 * {@code w1Encode}) and hashed before the next.
 */
public final class MlDsa65Verify {

    /** Public key bytes: {@code ρ} (32) and {@code t1} (k polynomials of 256 10-bit coefficients). */
    public static final int PUBLIC_KEY_BYTES = 1952;
    /** Signature bytes: {@code c̃} (48), {@code z} (ℓ × 640), the hints (ω + k). */
    public static final int SIGNATURE_BYTES = 3309;

    static final int K = 6;
    static final int L = 5;
    private static final int D = 13;
    private static final int TAU = 49;
    private static final int OMEGA = 55;
    private static final int GAMMA1 = 1 << 19;
    private static final int GAMMA2 = (Ntt.Q - 1) / 32;
    private static final int BETA = 196;
    private static final int C_TILDE_BYTES = 48;
    private static final int RHO_BYTES = 32;
    private static final int T1_POLY_BYTES = 320;
    private static final int Z_POLY_BYTES = 640;
    private static final int Z_OFFSET = C_TILDE_BYTES;
    private static final int HINT_OFFSET = Z_OFFSET + L * Z_POLY_BYTES;
    private static final int W1_POLY_BYTES = 128;
    private static final int N = Ntt.N;
    private static final int MAX_CONTEXT_BYTES = 255;
    private static final byte[] EMPTY_CONTEXT = {};

    private MlDsa65Verify() {
    }

    /** Whether {@code signature} is a valid ML-DSA-65 signature of {@code message} under {@code publicKey}, empty context. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return verify(publicKey, EMPTY_CONTEXT, message, signature);
    }

    /** The same with a context string (FIPS 204 Algorithm 3: at most 255 bytes, else invalid). */
    public static boolean verify(byte[] publicKey, byte[] context, byte[] message, byte[] signature) {
        if (publicKey.length != PUBLIC_KEY_BYTES || signature.length != SIGNATURE_BYTES || context.length > MAX_CONTEXT_BYTES) {
            return false;
        }
        boolean[][] hints = hintBitUnpack(signature);
        if (hints == null) {
            return false;  // before the key's expansion, the costlier part
        }
        return verify(ExpandedPublicKey.of(publicKey), context, message, signature, hints);
    }

    /** The same under a key expanded before (the same verdict as from its bytes, without the key's share of the work). */
    public static boolean verify(ExpandedPublicKey key, byte[] message, byte[] signature) {
        return verify(key, EMPTY_CONTEXT, message, signature);
    }

    /** The same with a context string. */
    public static boolean verify(ExpandedPublicKey key, byte[] context, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES || context.length > MAX_CONTEXT_BYTES) {
            return false;
        }
        boolean[][] hints = hintBitUnpack(signature);
        return hints != null && verify(key, context, message, signature, hints);
    }

    /** Verify_internal on well-sized inputs whose hints decoded. */
    private static boolean verify(ExpandedPublicKey key, byte[] context, byte[] message, byte[] signature, boolean[][] hints) {
        int[][] zHat = new int[L][];
        for (int s = 0; s < L; s++) {
            int[] z = unpackZ(signature, s);
            if (z == null) {
                return false;
            }
            Ntt.forward(z);
            zHat[s] = z;
        }
        byte[] mu = mu(key.tr(), context, message);
        int[] cHat = sampleInBall(signature);
        Ntt.forward(cHat);

        Shake h = Shake.shake256().absorb(mu);
        byte[] w1Row = new byte[W1_POLY_BYTES];
        int[] row = new int[N];
        for (int r = 0; r < K; r++) {
            // Â[r] ∘ NTT(z)
            Arrays.fill(row, 0);
            for (int s = 0; s < L; s++) {
                int[] a = key.aHat(r, s);
                int[] zs = zHat[s];
                for (int j = 0; j < N; j++) {
                    row[j] += Ntt.montgomeryReduce((long) a[j] * zs[j]);
                }
            }
            // − NTT(c) ∘ NTT(t1 · 2^d)
            int[] t = key.t1Hat(r);
            for (int j = 0; j < N; j++) {
                row[j] = Ntt.reduce32(row[j] - Ntt.montgomeryReduce((long) cHat[j] * t[j]));
            }
            Ntt.inverseTimesR(row);
            boolean[] rowHints = hints[r];
            for (int j = 0; j < N; j += 2) {
                int low = useHint(rowHints[j], Ntt.addQIfNegative(row[j]));
                int high = useHint(rowHints[j + 1], Ntt.addQIfNegative(row[j + 1]));
                w1Row[j >> 1] = (byte) (low | high << 4);
            }
            h.absorb(w1Row);
        }
        byte[] cTilde = h.squeeze(C_TILDE_BYTES);
        return MessageDigest.isEqual(cTilde, Arrays.copyOf(signature, C_TILDE_BYTES));
    }

    /** {@code μ = H(tr || 0x00 || |ctx| || ctx || M, 64)}, {@code tr = H(pk, 64)}. */
    private static byte[] mu(byte[] tr, byte[] context, byte[] message) {
        byte[] prefix = {0, (byte) context.length};
        return Shake.shake256().absorb(tr).absorb(prefix).absorb(context).absorb(message).squeeze(64);
    }

    /**
     * FIPS 204 Algorithm 29, SampleInBall: τ = 49 coefficients ±1 placed by SHAKE256({@code c̃}) with
     * a Fisher–Yates shuffle; the signs from the first 8 bytes.
     */
    private static int[] sampleInBall(byte[] signature) {
        Shake h = Shake.shake256().absorb(signature, 0, C_TILDE_BYTES);
        byte[] signBytes = h.squeeze(8);
        long signs = 0;
        for (int b = 7; b >= 0; b--) {
            signs = signs << 8 | (signBytes[b] & 0xff);
        }
        int[] c = new int[N];
        byte[] one = new byte[1];
        for (int i = N - TAU; i < N; i++) {
            int j;
            do {
                h.squeeze(one, 0, 1);
                j = one[0] & 0xff;
            } while (j > i);
            c[i] = c[j];
            c[j] = 1 - 2 * (int) (signs & 1);
            signs >>>= 1;
        }
        return c;
    }

    /** Polynomial {@code r} of {@code t1} times {@code 2^d}: 10-bit coefficients, four in five bytes. */
    static int[] unpackT1(byte[] publicKey, int r) {
        int[] out = new int[N];
        int offset = RHO_BYTES + r * T1_POLY_BYTES;
        for (int j = 0; j < N / 4; j++) {
            int b0 = publicKey[offset] & 0xff;
            int b1 = publicKey[offset + 1] & 0xff;
            int b2 = publicKey[offset + 2] & 0xff;
            int b3 = publicKey[offset + 3] & 0xff;
            int b4 = publicKey[offset + 4] & 0xff;
            out[4 * j] = ((b0 | b1 << 8) & 0x3ff) << D;
            out[4 * j + 1] = ((b1 >> 2 | b2 << 6) & 0x3ff) << D;
            out[4 * j + 2] = ((b2 >> 4 | b3 << 4) & 0x3ff) << D;
            out[4 * j + 3] = ((b3 >> 6 | b4 << 2) & 0x3ff) << D;
            offset += 5;
        }
        return out;
    }

    /**
     * Polynomial {@code s} of {@code z}: 20-bit fields {@code γ1 − z}, two in five bytes; null when a
     * coefficient has {@code |z| ≥ γ1 − β} (the verification's norm check).
     */
    private static int[] unpackZ(byte[] signature, int s) {
        int[] z = new int[N];
        int offset = Z_OFFSET + s * Z_POLY_BYTES;
        for (int j = 0; j < N / 2; j++) {
            int b0 = signature[offset] & 0xff;
            int b1 = signature[offset + 1] & 0xff;
            int b2 = signature[offset + 2] & 0xff;
            int b3 = signature[offset + 3] & 0xff;
            int b4 = signature[offset + 4] & 0xff;
            int even = GAMMA1 - (b0 | b1 << 8 | (b2 & 0x0f) << 16);
            int odd = GAMMA1 - (b2 >> 4 | b3 << 4 | b4 << 12);
            if (Math.abs(even) >= GAMMA1 - BETA || Math.abs(odd) >= GAMMA1 - BETA) {
                return null;
            }
            z[2 * j] = even;
            z[2 * j + 1] = odd;
            offset += 5;
        }
        return z;
    }

    /**
     * FIPS 204 Algorithm 21, HintBitUnpack: the hint positions of each of the k polynomials, or null
     * (⊥) when a cumulative count is above ω or falls, the indexes of a polynomial do not strictly
     * increase, or an unused slot is not zero.
     */
    private static boolean[][] hintBitUnpack(byte[] signature) {
        boolean[][] hints = new boolean[K][N];
        int index = 0;
        for (int i = 0; i < K; i++) {
            int count = signature[HINT_OFFSET + OMEGA + i] & 0xff;
            if (count < index || count > OMEGA) {
                return null;
            }
            int first = index;
            while (index < count) {
                int position = signature[HINT_OFFSET + index] & 0xff;
                if (index > first && (signature[HINT_OFFSET + index - 1] & 0xff) >= position) {
                    return null;
                }
                hints[i][position] = true;
                index++;
            }
        }
        for (int i = index; i < OMEGA; i++) {
            if (signature[HINT_OFFSET + i] != 0) {
                return null;
            }
        }
        return hints;
    }

    /** FIPS 204 Algorithm 40, UseHint, with Decompose (Algorithm 36) for γ2 = (q − 1)/32; {@code r} in [0, q). */
    static int useHint(boolean hint, int r) {
        int r0 = r % (2 * GAMMA2);
        if (r0 > GAMMA2) {
            r0 -= 2 * GAMMA2;
        }
        int r1;
        if (r - r0 == Ntt.Q - 1) {
            r1 = 0;
            r0 -= 1;
        } else {
            r1 = (r - r0) / (2 * GAMMA2);
        }
        if (!hint) {
            return r1;
        }
        return r0 > 0 ? (r1 + 1) & 15 : (r1 - 1) & 15;
    }
}

package io.numicoin.protocol.crypto.mldsa;

/**
 * The parts of an ML-DSA-65 verification that depend on the public key alone, computed once: the
 * matrix {@code Â = ExpandA(ρ)} (30 polynomials), {@code NTT(t1 · 2^d)} (6) and
 * {@code tr = H(pk, 64)}. About two thirds of a verification's work; a verifier that sees the same
 * key again (a cache the caller owns) skips it. Immutable: the arrays never leave this package.
 */
public final class ExpandedPublicKey {

    /** What one expanded key holds on the heap, roughly: 36 polynomials of 256 ints, and {@code tr}. */
    public static final int APPROXIMATE_BYTES = 36 * (16 + 4 * 256) + 30 * 16 + 64;

    private final byte[] tr;
    private final int[][] aHat;
    private final int[][] t1Hat;

    private ExpandedPublicKey(byte[] tr, int[][] aHat, int[][] t1Hat) {
        this.tr = tr;
        this.aHat = aHat;
        this.t1Hat = t1Hat;
    }

    /**
     * Expands {@code publicKey} (pkDecode, ExpandA, the transform of {@code t1 · 2^d}, {@code tr}).
     *
     * @throws IllegalArgumentException unless it has {@link MlDsa65Verify#PUBLIC_KEY_BYTES} bytes
     */
    public static ExpandedPublicKey of(byte[] publicKey) {
        if (publicKey.length != MlDsa65Verify.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("an ML-DSA-65 public key has " + MlDsa65Verify.PUBLIC_KEY_BYTES
                    + " bytes, got " + publicKey.length);
        }
        byte[] tr = Shake.shake256().absorb(publicKey).squeeze(64);
        int[][] aHat = MatrixExpansion.expand(publicKey, MlDsa65Verify.K, MlDsa65Verify.L);
        int[][] t1Hat = new int[MlDsa65Verify.K][];
        for (int r = 0; r < MlDsa65Verify.K; r++) {
            int[] t = MlDsa65Verify.unpackT1(publicKey, r);
            Ntt.forward(t);
            t1Hat[r] = t;
        }
        return new ExpandedPublicKey(tr, aHat, t1Hat);
    }

    byte[] tr() {
        return tr;
    }

    /** {@code Â[r][s]}, in the NTT domain. */
    int[] aHat(int r, int s) {
        return aHat[r * MlDsa65Verify.L + s];
    }

    /** {@code NTT(t1[r] · 2^d)}. */
    int[] t1Hat(int r) {
        return t1Hat[r];
    }
}

package io.numicoin.protocol.crypto;

import io.numicoin.protocol.bytes.Bytes;

/**
 * The structural checks FIPS 204 makes on an ML-DSA-65 signature's bytes before any arithmetic:
 * {@code sigDecode} / {@code HintBitUnpack} (hint counts, strictly increasing indexes per
 * polynomial, zero padding) and the bound {@code ||z||∞ < γ1 − β}. A signature that fails any of
 * them is invalid under the standard, whatever an implementation's decoder tolerates; checking
 * them here makes that decision the same on every node.
 *
 * <p>Layout (ML-DSA-65): {@code c̃} (48 bytes), {@code z} (ℓ = 5 polynomials of 256 coefficients,
 * 20 bits each, little-endian bit order, stored as {@code γ1 − z}), {@code h} (ω + k = 55 + 6 bytes:
 * hint indexes, then the cumulative count after each of the k polynomials).
 */
public final class MlDsaSignatureEncoding {

    static final int C_TILDE_BYTES = 48;
    static final int L = 5;
    static final int K = 6;
    static final int OMEGA = 55;
    static final int GAMMA1 = 1 << 19;
    static final int BETA = 196;
    static final int Z_BITS = 20;
    static final int Z_POLY_BYTES = 256 * Z_BITS / 8;
    static final int Z_OFFSET = C_TILDE_BYTES;
    static final int HINT_OFFSET = Z_OFFSET + L * Z_POLY_BYTES;

    private MlDsaSignatureEncoding() {
    }

    /** {@link MlDsaVerdict#VALID} when the bytes are a well-formed signature, else the first defect found. */
    public static MlDsaVerdict check(Bytes signature) {
        if (signature.length() != MlDsaSignature.SIZE) {
            return MlDsaVerdict.WRONG_LENGTH;
        }
        byte[] bytes = signature.toArray();
        MlDsaVerdict hints = checkHints(bytes);
        return hints.isValid() ? checkZ(bytes) : hints;
    }

    /** FIPS 204 Algorithm 21, HintBitUnpack, as checks only. */
    private static MlDsaVerdict checkHints(byte[] bytes) {
        int index = 0;
        for (int i = 0; i < K; i++) {
            int count = unsigned(bytes, HINT_OFFSET + OMEGA + i);
            if (count < index || count > OMEGA) {
                return MlDsaVerdict.HINT_COUNT_INVALID;
            }
            int first = index;
            while (index < count) {
                if (index > first && unsigned(bytes, HINT_OFFSET + index - 1) >= unsigned(bytes, HINT_OFFSET + index)) {
                    return MlDsaVerdict.HINT_INDEX_NOT_INCREASING;
                }
                index++;
            }
        }
        for (int i = index; i < OMEGA; i++) {
            if (bytes[HINT_OFFSET + i] != 0) {
                return MlDsaVerdict.HINT_PADDING_NOT_ZERO;
            }
        }
        return MlDsaVerdict.VALID;
    }

    /** Every coefficient of z, decoded as {@code γ1 − (20-bit value)}, has {@code |z| < γ1 − β}. */
    private static MlDsaVerdict checkZ(byte[] bytes) {
        for (int coefficient = 0; coefficient < L * 256; coefficient++) {
            int z = GAMMA1 - zField(bytes, coefficient);
            if (Math.abs(z) >= GAMMA1 - BETA) {
                return MlDsaVerdict.Z_OUT_OF_BOUND;
            }
        }
        return MlDsaVerdict.VALID;
    }

    /** The 20-bit field of coefficient {@code n} of z (two coefficients in every five bytes). */
    static int zField(byte[] bytes, int n) {
        int offset = Z_OFFSET + (n / 2) * 5;
        if (n % 2 == 0) {
            return unsigned(bytes, offset) | unsigned(bytes, offset + 1) << 8 | (unsigned(bytes, offset + 2) & 0x0f) << 16;
        }
        return unsigned(bytes, offset + 2) >> 4 | unsigned(bytes, offset + 3) << 4 | unsigned(bytes, offset + 4) << 12;
    }

    private static int unsigned(byte[] bytes, int offset) {
        return bytes[offset] & 0xff;
    }
}

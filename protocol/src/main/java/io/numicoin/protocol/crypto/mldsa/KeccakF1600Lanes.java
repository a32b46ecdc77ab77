package io.numicoin.protocol.crypto.mldsa;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link KeccakF1600} on as many independent states at once as the JVM's preferred long vector has
 * lanes (four with AVX2, eight with AVX-512): lane {@code s} of vector {@code i} is lane {@code i} of
 * state {@code s}. The same rounds as the scalar permutation, written with vector operations; used
 * where many short SHAKE128 streams are squeezed side by side (ML-DSA's matrix expansion). Load only
 * when {@link io.numicoin.protocol.vector.VectorSupport#available()}.
 */
final class KeccakF1600Lanes {

    static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;
    private static final int W = SPECIES.length();
    private static final long[] ROUND_CONSTANTS = KeccakF1600.roundConstants();

    private KeccakF1600Lanes() {
    }

    /** States side by side. */
    static int width() {
        return W;
    }

    /** Permutes the {@link #width()} states in {@code lanes} (25 × width longs, lane-major) in place. */
    static void permute(long[] lanes) {
        LongVector a00 = LongVector.fromArray(SPECIES, lanes, 0 * W);
        LongVector a01 = LongVector.fromArray(SPECIES, lanes, 1 * W);
        LongVector a02 = LongVector.fromArray(SPECIES, lanes, 2 * W);
        LongVector a03 = LongVector.fromArray(SPECIES, lanes, 3 * W);
        LongVector a04 = LongVector.fromArray(SPECIES, lanes, 4 * W);
        LongVector a05 = LongVector.fromArray(SPECIES, lanes, 5 * W);
        LongVector a06 = LongVector.fromArray(SPECIES, lanes, 6 * W);
        LongVector a07 = LongVector.fromArray(SPECIES, lanes, 7 * W);
        LongVector a08 = LongVector.fromArray(SPECIES, lanes, 8 * W);
        LongVector a09 = LongVector.fromArray(SPECIES, lanes, 9 * W);
        LongVector a10 = LongVector.fromArray(SPECIES, lanes, 10 * W);
        LongVector a11 = LongVector.fromArray(SPECIES, lanes, 11 * W);
        LongVector a12 = LongVector.fromArray(SPECIES, lanes, 12 * W);
        LongVector a13 = LongVector.fromArray(SPECIES, lanes, 13 * W);
        LongVector a14 = LongVector.fromArray(SPECIES, lanes, 14 * W);
        LongVector a15 = LongVector.fromArray(SPECIES, lanes, 15 * W);
        LongVector a16 = LongVector.fromArray(SPECIES, lanes, 16 * W);
        LongVector a17 = LongVector.fromArray(SPECIES, lanes, 17 * W);
        LongVector a18 = LongVector.fromArray(SPECIES, lanes, 18 * W);
        LongVector a19 = LongVector.fromArray(SPECIES, lanes, 19 * W);
        LongVector a20 = LongVector.fromArray(SPECIES, lanes, 20 * W);
        LongVector a21 = LongVector.fromArray(SPECIES, lanes, 21 * W);
        LongVector a22 = LongVector.fromArray(SPECIES, lanes, 22 * W);
        LongVector a23 = LongVector.fromArray(SPECIES, lanes, 23 * W);
        LongVector a24 = LongVector.fromArray(SPECIES, lanes, 24 * W);
        for (int round = 0; round < 24; round++) {
            LongVector c0 = a00.lanewise(VectorOperators.XOR, a05).lanewise(VectorOperators.XOR, a10).lanewise(VectorOperators.XOR, a15).lanewise(VectorOperators.XOR, a20);
            LongVector c1 = a01.lanewise(VectorOperators.XOR, a06).lanewise(VectorOperators.XOR, a11).lanewise(VectorOperators.XOR, a16).lanewise(VectorOperators.XOR, a21);
            LongVector c2 = a02.lanewise(VectorOperators.XOR, a07).lanewise(VectorOperators.XOR, a12).lanewise(VectorOperators.XOR, a17).lanewise(VectorOperators.XOR, a22);
            LongVector c3 = a03.lanewise(VectorOperators.XOR, a08).lanewise(VectorOperators.XOR, a13).lanewise(VectorOperators.XOR, a18).lanewise(VectorOperators.XOR, a23);
            LongVector c4 = a04.lanewise(VectorOperators.XOR, a09).lanewise(VectorOperators.XOR, a14).lanewise(VectorOperators.XOR, a19).lanewise(VectorOperators.XOR, a24);
            LongVector d0 = c4.lanewise(VectorOperators.XOR, c1.lanewise(VectorOperators.ROL, 1));
            LongVector d1 = c0.lanewise(VectorOperators.XOR, c2.lanewise(VectorOperators.ROL, 1));
            LongVector d2 = c1.lanewise(VectorOperators.XOR, c3.lanewise(VectorOperators.ROL, 1));
            LongVector d3 = c2.lanewise(VectorOperators.XOR, c4.lanewise(VectorOperators.ROL, 1));
            LongVector d4 = c3.lanewise(VectorOperators.XOR, c0.lanewise(VectorOperators.ROL, 1));
            LongVector b00 = a00.lanewise(VectorOperators.XOR, d0);
            LongVector b10 = a01.lanewise(VectorOperators.XOR, d1).lanewise(VectorOperators.ROL, 1);
            LongVector b20 = a02.lanewise(VectorOperators.XOR, d2).lanewise(VectorOperators.ROL, 62);
            LongVector b05 = a03.lanewise(VectorOperators.XOR, d3).lanewise(VectorOperators.ROL, 28);
            LongVector b15 = a04.lanewise(VectorOperators.XOR, d4).lanewise(VectorOperators.ROL, 27);
            LongVector b16 = a05.lanewise(VectorOperators.XOR, d0).lanewise(VectorOperators.ROL, 36);
            LongVector b01 = a06.lanewise(VectorOperators.XOR, d1).lanewise(VectorOperators.ROL, 44);
            LongVector b11 = a07.lanewise(VectorOperators.XOR, d2).lanewise(VectorOperators.ROL, 6);
            LongVector b21 = a08.lanewise(VectorOperators.XOR, d3).lanewise(VectorOperators.ROL, 55);
            LongVector b06 = a09.lanewise(VectorOperators.XOR, d4).lanewise(VectorOperators.ROL, 20);
            LongVector b07 = a10.lanewise(VectorOperators.XOR, d0).lanewise(VectorOperators.ROL, 3);
            LongVector b17 = a11.lanewise(VectorOperators.XOR, d1).lanewise(VectorOperators.ROL, 10);
            LongVector b02 = a12.lanewise(VectorOperators.XOR, d2).lanewise(VectorOperators.ROL, 43);
            LongVector b12 = a13.lanewise(VectorOperators.XOR, d3).lanewise(VectorOperators.ROL, 25);
            LongVector b22 = a14.lanewise(VectorOperators.XOR, d4).lanewise(VectorOperators.ROL, 39);
            LongVector b23 = a15.lanewise(VectorOperators.XOR, d0).lanewise(VectorOperators.ROL, 41);
            LongVector b08 = a16.lanewise(VectorOperators.XOR, d1).lanewise(VectorOperators.ROL, 45);
            LongVector b18 = a17.lanewise(VectorOperators.XOR, d2).lanewise(VectorOperators.ROL, 15);
            LongVector b03 = a18.lanewise(VectorOperators.XOR, d3).lanewise(VectorOperators.ROL, 21);
            LongVector b13 = a19.lanewise(VectorOperators.XOR, d4).lanewise(VectorOperators.ROL, 8);
            LongVector b14 = a20.lanewise(VectorOperators.XOR, d0).lanewise(VectorOperators.ROL, 18);
            LongVector b24 = a21.lanewise(VectorOperators.XOR, d1).lanewise(VectorOperators.ROL, 2);
            LongVector b09 = a22.lanewise(VectorOperators.XOR, d2).lanewise(VectorOperators.ROL, 61);
            LongVector b19 = a23.lanewise(VectorOperators.XOR, d3).lanewise(VectorOperators.ROL, 56);
            LongVector b04 = a24.lanewise(VectorOperators.XOR, d4).lanewise(VectorOperators.ROL, 14);
            a00 = b00.lanewise(VectorOperators.XOR, b02.lanewise(VectorOperators.AND_NOT, b01)).lanewise(VectorOperators.XOR, ROUND_CONSTANTS[round]);
            a01 = b01.lanewise(VectorOperators.XOR, b03.lanewise(VectorOperators.AND_NOT, b02));
            a02 = b02.lanewise(VectorOperators.XOR, b04.lanewise(VectorOperators.AND_NOT, b03));
            a03 = b03.lanewise(VectorOperators.XOR, b00.lanewise(VectorOperators.AND_NOT, b04));
            a04 = b04.lanewise(VectorOperators.XOR, b01.lanewise(VectorOperators.AND_NOT, b00));
            a05 = b05.lanewise(VectorOperators.XOR, b07.lanewise(VectorOperators.AND_NOT, b06));
            a06 = b06.lanewise(VectorOperators.XOR, b08.lanewise(VectorOperators.AND_NOT, b07));
            a07 = b07.lanewise(VectorOperators.XOR, b09.lanewise(VectorOperators.AND_NOT, b08));
            a08 = b08.lanewise(VectorOperators.XOR, b05.lanewise(VectorOperators.AND_NOT, b09));
            a09 = b09.lanewise(VectorOperators.XOR, b06.lanewise(VectorOperators.AND_NOT, b05));
            a10 = b10.lanewise(VectorOperators.XOR, b12.lanewise(VectorOperators.AND_NOT, b11));
            a11 = b11.lanewise(VectorOperators.XOR, b13.lanewise(VectorOperators.AND_NOT, b12));
            a12 = b12.lanewise(VectorOperators.XOR, b14.lanewise(VectorOperators.AND_NOT, b13));
            a13 = b13.lanewise(VectorOperators.XOR, b10.lanewise(VectorOperators.AND_NOT, b14));
            a14 = b14.lanewise(VectorOperators.XOR, b11.lanewise(VectorOperators.AND_NOT, b10));
            a15 = b15.lanewise(VectorOperators.XOR, b17.lanewise(VectorOperators.AND_NOT, b16));
            a16 = b16.lanewise(VectorOperators.XOR, b18.lanewise(VectorOperators.AND_NOT, b17));
            a17 = b17.lanewise(VectorOperators.XOR, b19.lanewise(VectorOperators.AND_NOT, b18));
            a18 = b18.lanewise(VectorOperators.XOR, b15.lanewise(VectorOperators.AND_NOT, b19));
            a19 = b19.lanewise(VectorOperators.XOR, b16.lanewise(VectorOperators.AND_NOT, b15));
            a20 = b20.lanewise(VectorOperators.XOR, b22.lanewise(VectorOperators.AND_NOT, b21));
            a21 = b21.lanewise(VectorOperators.XOR, b23.lanewise(VectorOperators.AND_NOT, b22));
            a22 = b22.lanewise(VectorOperators.XOR, b24.lanewise(VectorOperators.AND_NOT, b23));
            a23 = b23.lanewise(VectorOperators.XOR, b20.lanewise(VectorOperators.AND_NOT, b24));
            a24 = b24.lanewise(VectorOperators.XOR, b21.lanewise(VectorOperators.AND_NOT, b20));
        }
        a00.intoArray(lanes, 0 * W);
        a01.intoArray(lanes, 1 * W);
        a02.intoArray(lanes, 2 * W);
        a03.intoArray(lanes, 3 * W);
        a04.intoArray(lanes, 4 * W);
        a05.intoArray(lanes, 5 * W);
        a06.intoArray(lanes, 6 * W);
        a07.intoArray(lanes, 7 * W);
        a08.intoArray(lanes, 8 * W);
        a09.intoArray(lanes, 9 * W);
        a10.intoArray(lanes, 10 * W);
        a11.intoArray(lanes, 11 * W);
        a12.intoArray(lanes, 12 * W);
        a13.intoArray(lanes, 13 * W);
        a14.intoArray(lanes, 14 * W);
        a15.intoArray(lanes, 15 * W);
        a16.intoArray(lanes, 16 * W);
        a17.intoArray(lanes, 17 * W);
        a18.intoArray(lanes, 18 * W);
        a19.intoArray(lanes, 19 * W);
        a20.intoArray(lanes, 20 * W);
        a21.intoArray(lanes, 21 * W);
        a22.intoArray(lanes, 22 * W);
        a23.intoArray(lanes, 23 * W);
        a24.intoArray(lanes, 24 * W);
    }
}

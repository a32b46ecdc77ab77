package io.numicoin.protocol.pow;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlaMka}'s compression {@code G} on 256-bit vectors of four words (jdk.incubator.vector; AVX2
 * or AVX-512 on x86), giving the same blocks. A row round holds its 16 words as four vectors
 * {@code (v0..v3), (v4..v7), (v8..v11), (v12..v15)}: the column step is one vector {@code G}, the
 * diagonal step the same after rotating the last three vectors by one, two and three lanes. A column
 * round's words come in pairs {@code (z[o + 16j], z[o + 16j + 1])}, so one vector holds a pair of two
 * neighbouring column rounds and four passes cover the eight; their diagonal step regroups the pairs
 * with two-vector shuffles.
 *
 * <p>Written for C2's vector intrinsics: no vector crosses a method boundary (each helper loads from
 * and stores to the scratch array), because C2 boxes a vector it cannot keep in registers, which is
 * tens of times slower than the scalar code, and whether a small helper is inlined differs from one
 * compilation to the next (seen under ZGC: one run in two boxed 7 MB a hash at half the scalar rate). For the same reason it is
 * only worth using where C2 compiles and the JVM's preferred long vectors have at least four lanes
 * ({@link Argon2Kernel#fastest()} checks the latter). Stateless; loaded only when selected.
 */
final class BlaMkaVector {

    /** Scratch words: the block R being permuted, then room for four diagonal vectors. */
    static final int SCRATCH_WORDS = BlaMka.WORDS + 32;

    private static final VectorSpecies<Long> FOUR = LongVector.SPECIES_256;
    private static final VectorShuffle<Long> LEFT_1 = VectorShuffle.fromValues(FOUR, 1, 2, 3, 0);
    private static final VectorShuffle<Long> LEFT_2 = VectorShuffle.fromValues(FOUR, 2, 3, 0, 1);
    private static final VectorShuffle<Long> LEFT_3 = VectorShuffle.fromValues(FOUR, 3, 0, 1, 2);
    /** Of two vectors x, y (indices 4..7 are y's): per lane pair {@code (x[1], y[0])}. */
    private static final VectorShuffle<Long> ODD_EVEN = VectorShuffle.fromValues(FOUR, 1, 4, 3, 6);
    /** Of two vectors x, y: per lane pair {@code (y[1], x[0])}. */
    private static final VectorShuffle<Long> EVEN_ODD = VectorShuffle.fromValues(FOUR, 5, 0, 7, 2);
    private static final long LOW_32 = 0xFFFF_FFFFL;
    private static final int B1 = BlaMka.WORDS;
    private static final int D1 = B1 + 8;
    private static final int B2 = B1 + 16;
    private static final int D2 = B1 + 24;

    private BlaMkaVector() {
    }

    /** Whether the JVM's preferred long vectors have at least four lanes (C2 compiles them to SIMD). */
    static boolean wideEnough() {
        return LongVector.SPECIES_PREFERRED.length() >= FOUR.length();
    }

    /** As {@link BlaMka#compress}; {@code z} holds at least {@link #SCRATCH_WORDS} words. */
    static void compress(long[] mem, int prev, int ref, int curr, boolean xorIntoCurrent, long[] z) {
        for (int o = 0; o < BlaMka.WORDS; o += 4) {
            LongVector.fromArray(FOUR, mem, prev + o).lanewise(VectorOperators.XOR, LongVector.fromArray(FOUR, mem, ref + o))
                    .intoArray(z, o);
        }
        for (int o = 0; o < BlaMka.WORDS; o += 16) {
            g(z, o, o + 4, o + 8, o + 12, false);
            g(z, o, o + 4, o + 8, o + 12, true);
        }
        for (int o = 0; o < 16; o += 4) {
            g(z, o, o + 32, o + 64, o + 96, false);
            g(z, o + 16, o + 48, o + 80, o + 112, false);
            diagonalize(z, o);
            g(z, o, B1, o + 80, D1, false);
            g(z, o + 16, B2, o + 64, D2, false);
            undiagonalize(z, o);
        }
        for (int o = 0; o < BlaMka.WORDS; o += 4) {
            LongVector out = LongVector.fromArray(FOUR, z, o)
                    .lanewise(VectorOperators.XOR, LongVector.fromArray(FOUR, mem, prev + o))
                    .lanewise(VectorOperators.XOR, LongVector.fromArray(FOUR, mem, ref + o));
            if (xorIntoCurrent) {
                out = out.lanewise(VectorOperators.XOR, LongVector.fromArray(FOUR, mem, curr + o));
            }
            out.intoArray(mem, curr + o);
        }
    }

    /**
     * BLAKE2b's G (with BlaMka's multiply-add {@code x + y + 2 * lo32(x) * lo32(y)}) on the four-lane
     * vectors at {@code z[a], z[b], z[c], z[d]}, in place. With {@code diagonal}, the vectors at b, c, d
     * are first rotated left by one, two and three lanes (and back after), which makes it the diagonal
     * step of a row round. The rounds are written out here, not in helpers taking vectors: a helper
     * C2 leaves out of line (its inlining budget, NodeCountInliningCutoff, is spent differently from
     * one compilation to the next) boxes every vector it is passed.
     */
    private static void g(long[] z, int ia, int ib, int ic, int id, boolean diagonal) {
        LongVector a = LongVector.fromArray(FOUR, z, ia);
        LongVector b = LongVector.fromArray(FOUR, z, ib);
        LongVector c = LongVector.fromArray(FOUR, z, ic);
        LongVector d = LongVector.fromArray(FOUR, z, id);
        if (diagonal) {
            b = b.rearrange(LEFT_1);
            c = c.rearrange(LEFT_2);
            d = d.rearrange(LEFT_3);
        }
        LongVector p = a.and(LOW_32).mul(b.and(LOW_32));
        a = a.add(b).add(p.add(p));
        d = d.lanewise(VectorOperators.XOR, a).lanewise(VectorOperators.ROR, 32);
        p = c.and(LOW_32).mul(d.and(LOW_32));
        c = c.add(d).add(p.add(p));
        b = b.lanewise(VectorOperators.XOR, c).lanewise(VectorOperators.ROR, 24);
        p = a.and(LOW_32).mul(b.and(LOW_32));
        a = a.add(b).add(p.add(p));
        d = d.lanewise(VectorOperators.XOR, a).lanewise(VectorOperators.ROR, 16);
        p = c.and(LOW_32).mul(d.and(LOW_32));
        c = c.add(d).add(p.add(p));
        b = b.lanewise(VectorOperators.XOR, c).lanewise(VectorOperators.ROR, 63);
        if (diagonal) {
            b = b.rearrange(LEFT_3);
            c = c.rearrange(LEFT_2);
            d = d.rearrange(LEFT_1);
        }
        a.intoArray(z, ia);
        b.intoArray(z, ib);
        c.intoArray(z, ic);
        d.intoArray(z, id);
    }

    /**
     * For the column rounds at {@code o}: with {@code x_j = z[o + 16j ..]} holding the pairs
     * {@code (v_2j, v_2j+1)}, puts {@code (v5, v6)} at B1, {@code (v15, v12)} at D1, {@code (v7, v4)}
     * at B2 and {@code (v13, v14)} at D2, so that G on {@code (x0, B1, x5, D1)} and
     * {@code (x1, B2, x4, D2)} is the diagonal step.
     */
    private static void diagonalize(long[] z, int o) {
        LongVector x2 = LongVector.fromArray(FOUR, z, o + 32);
        LongVector x3 = LongVector.fromArray(FOUR, z, o + 48);
        LongVector x6 = LongVector.fromArray(FOUR, z, o + 96);
        LongVector x7 = LongVector.fromArray(FOUR, z, o + 112);
        x2.rearrange(ODD_EVEN, x3).intoArray(z, B1);
        x6.rearrange(EVEN_ODD, x7).intoArray(z, D1);
        x2.rearrange(EVEN_ODD, x3).intoArray(z, B2);
        x6.rearrange(ODD_EVEN, x7).intoArray(z, D2);
    }

    /** The inverse of {@link #diagonalize}: the pairs back to {@code x2, x3, x6, x7}. */
    private static void undiagonalize(long[] z, int o) {
        LongVector b1 = LongVector.fromArray(FOUR, z, B1);
        LongVector d1 = LongVector.fromArray(FOUR, z, D1);
        LongVector b2 = LongVector.fromArray(FOUR, z, B2);
        LongVector d2 = LongVector.fromArray(FOUR, z, D2);
        b1.rearrange(EVEN_ODD, b2).intoArray(z, o + 32);
        b1.rearrange(ODD_EVEN, b2).intoArray(z, o + 48);
        d1.rearrange(ODD_EVEN, d2).intoArray(z, o + 96);
        d1.rearrange(EVEN_ODD, d2).intoArray(z, o + 112);
    }
}

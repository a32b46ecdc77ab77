package io.numicoin.protocol.pow;

/** Argon2's compression {@code G} as an {@link Argon2Kernel} computes it (see {@link BlaMka#compress}). */
@FunctionalInterface
interface BlockCompression {

    void compress(long[] mem, int prev, int ref, int curr, boolean xorIntoCurrent, long[] scratch);
}

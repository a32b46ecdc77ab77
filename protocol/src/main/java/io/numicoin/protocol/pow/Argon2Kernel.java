package io.numicoin.protocol.pow;

import io.numicoin.protocol.vector.VectorSupport;

/**
 * The code that computes Argon2's compression {@code G} for an {@link Argon2id}. Every kernel gives the
 * same tags; they differ in speed and in what the JVM must offer.
 */
public enum Argon2Kernel {

    /** 64-bit scalar code ({@link BlaMka}): any JVM. */
    SCALAR,

    /**
     * 256-bit vectors ({@link BlaMkaVector}, jdk.incubator.vector): 1.4–1.7x the scalar kernel's rate on
     * x86 with AVX2 or AVX-512. Needs the JVM started with {@code --add-modules jdk.incubator.vector}
     * and long vectors of at least four lanes, and C2: with {@code -XX:TieredStopAtLevel=1} or
     * {@code -Xint} vectors stay objects and the kernel runs tens of times slower than the scalar one,
     * so it is not available there.
     */
    VECTOR_256;

    private static final String VECTOR_UNAVAILABLE = vectorUnavailable();

    /** {@link #VECTOR_256} when {@link #available()}, else {@link #SCALAR}. */
    public static Argon2Kernel fastest() {
        return VECTOR_256.available() ? VECTOR_256 : SCALAR;
    }

    /** Whether this JVM can run the kernel. */
    public boolean available() {
        return this == SCALAR || VECTOR_UNAVAILABLE.isEmpty();
    }

    /** Why this JVM cannot run the kernel; empty when it can. */
    public String unavailableReason() {
        return this == SCALAR ? "" : VECTOR_UNAVAILABLE;
    }

    /**
     * This kernel, if this JVM can run it.
     *
     * @throws IllegalArgumentException naming why not
     */
    Argon2Kernel requireAvailable() {
        if (!available()) {
            throw new IllegalArgumentException("Argon2 kernel " + this + " cannot run here: " + unavailableReason());
        }
        return this;
    }

    /** The kernel's compression (call after {@link #requireAvailable()}: it loads the kernel's classes). */
    BlockCompression compression() {
        return switch (this) {
            case SCALAR -> BlaMka::compress;
            case VECTOR_256 -> BlaMkaVector::compress;
        };
    }

    /** Words of scratch the kernel's compression needs. */
    int scratchWords() {
        return this == SCALAR ? BlaMka.WORDS : BlaMkaVector.SCRATCH_WORDS;
    }

    /** Checked once: the vector classes are touched only when the module is in the JVM and C2 compiles. */
    private static String vectorUnavailable() {
        if (!VectorSupport.available()) {
            return VectorSupport.unavailableReason();
        }
        if (!BlaMkaVector.wideEnough()) {
            return "the JVM's long vectors have fewer than four lanes here (needs AVX2 or wider)";
        }
        return "";
    }
}

package io.numicoin.protocol.pow;

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
     * and long vectors of at least four lanes; only worth it where C2 compiles (not with
     * {@code -XX:TieredStopAtLevel=1}, where vectors are objects and the kernel is far slower).
     */
    VECTOR_256;

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
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

    /** The kernel's compression; {@link #available()} must hold. */
    BlockCompression compression() {
        if (!available()) {
            throw new IllegalStateException("Argon2 kernel " + this + " cannot run here: " + unavailableReason());
        }
        return switch (this) {
            case SCALAR -> BlaMka::compress;
            case VECTOR_256 -> BlaMkaVector::compress;
        };
    }

    /** Words of scratch the kernel's compression needs. */
    int scratchWords() {
        return this == SCALAR ? BlaMka.WORDS : BlaMkaVector.SCRATCH_WORDS;
    }

    /** Checked once: the vector classes are touched only when the module is in the JVM. */
    private static String vectorUnavailable() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return VECTOR_MODULE + " is not among the JVM's modules (start it with --add-modules " + VECTOR_MODULE + ")";
        }
        if (!BlaMkaVector.wideEnough()) {
            return "the JVM's long vectors have fewer than four lanes here (needs AVX2 or wider)";
        }
        return "";
    }
}

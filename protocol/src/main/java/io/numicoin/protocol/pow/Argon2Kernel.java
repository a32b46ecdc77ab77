package io.numicoin.protocol.pow;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

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

    /** Checked once: the vector classes are touched only when the module is in the JVM. */
    private static String vectorUnavailable() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return VECTOR_MODULE + " is not among the JVM's modules (start it with --add-modules " + VECTOR_MODULE + ")";
        }
        if (!BlaMkaVector.wideEnough()) {
            return "the JVM's long vectors have fewer than four lanes here (needs AVX2 or wider)";
        }
        return withoutC2();
    }

    /**
     * Why C2 will not compile here ({@code -Xint}, {@code -XX:TieredStopAtLevel} below 4), or empty.
     * Reads the JVM's own options (HotSpot's diagnostic bean); where there is none, assumes C2.
     */
    private static String withoutC2() {
        if (System.getProperty("java.vm.info", "").contains("interpreted mode")) {
            return "the JVM runs interpreted (-Xint): vectors need C2";
        }
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotSpot == null) {
                return "";
            }
            String tiered = hotSpot.getVMOption("TieredCompilation").getValue();
            String stopAt = hotSpot.getVMOption("TieredStopAtLevel").getValue();
            if (tiered.equals("true") && !stopAt.equals("4")) {
                return "the JVM compiles no further than C1 (-XX:TieredStopAtLevel=" + stopAt + "): vectors need C2";
            }
            return "";
        } catch (IllegalArgumentException | LinkageError noSuchOption) {
            return "";
        }
    }
}

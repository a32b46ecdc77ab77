package io.numicoin.protocol.vector;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether this JVM can run code on jdk.incubator.vector at speed: the module is among the JVM's
 * modules ({@code --add-modules jdk.incubator.vector}) and C2 compiles (under {@code -Xint} or
 * {@code -XX:TieredStopAtLevel} below 4 vectors stay objects and such code runs tens of times slower
 * than scalar code). Checked without touching the vector classes, so a JVM without the module never
 * loads them. Shared by every vector kernel (Argon2's, Keccak's).
 */
public final class VectorSupport {

    public static final String MODULE = "jdk.incubator.vector";
    private static final String UNAVAILABLE = check();

    private VectorSupport() {
    }

    /** Why vector kernels cannot run here; empty when they can (the lane width is each kernel's own check). */
    public static String unavailableReason() {
        return UNAVAILABLE;
    }

    public static boolean available() {
        return UNAVAILABLE.isEmpty();
    }

    private static String check() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return MODULE + " is not among the JVM's modules (start it with --add-modules " + MODULE + ")";
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

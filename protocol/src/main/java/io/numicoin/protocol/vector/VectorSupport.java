package io.numicoin.protocol.vector;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether this JVM runs jdk.incubator.vector code as SIMD: the module must be among the JVM's
 * modules ({@code --add-modules jdk.incubator.vector}) and C2 must compile it — under
 * {@code -XX:TieredStopAtLevel=1} or {@code -Xint} vectors stay objects and such code runs tens of
 * times slower than scalar code. How many lanes the CPU gives is each kernel's own check. Checked
 * once, when this class loads; touches no vector class, so it is safe without the module.
 */
public final class VectorSupport {

    /** The module the vector kernels need. */
    public static final String MODULE = "jdk.incubator.vector";

    private static final String UNAVAILABLE = check();

    private VectorSupport() {
    }

    /** True when vector code runs as SIMD here (the lanes' width aside). */
    public static boolean available() {
        return UNAVAILABLE.isEmpty();
    }

    /** Why vector code would not run as SIMD here; empty when it would. */
    public static String unavailableReason() {
        return UNAVAILABLE;
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

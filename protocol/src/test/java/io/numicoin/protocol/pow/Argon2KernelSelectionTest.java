package io.numicoin.protocol.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.numicoin.protocol.testing.ChildJvm;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Which kernel a JVM started with given options picks (each case a child JVM running {@link Argon2KernelProbe}). */
class Argon2KernelSelectionTest {

    @Test
    void withoutTheModuleTheScalarKernelAndTheFlagToAdd() throws Exception {
        assertThat(probe()).startsWith("SCALAR|jdk.incubator.vector is not among the JVM's modules (start it with --add-modules jdk.incubator.vector)|SCALAR");
    }

    @Test
    void withTheModuleButOnlyC1TheScalarKernel() throws Exception {
        assertThat(probe("--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1"))
                .isEqualTo("SCALAR|the JVM compiles no further than C1 (-XX:TieredStopAtLevel=1): vectors need C2|SCALAR");
        assertThat(probe("--add-modules", "jdk.incubator.vector", "-Xint"))
                .isEqualTo("SCALAR|the JVM runs interpreted (-Xint): vectors need C2|SCALAR");
    }

    @Test
    void withTheModuleAndC2TheVectorKernelWhereTheCpuHasWideVectors() throws Exception {
        assumeTrue(Argon2Kernel.VECTOR_256.available(), Argon2Kernel.VECTOR_256::unavailableReason);
        assertThat(probe("--add-modules", "jdk.incubator.vector")).isEqualTo("VECTOR_256||VECTOR_256");
        assertThat(probe("--add-modules", "jdk.incubator.vector", "-XX:UseAVX=1"))
                .isEqualTo("SCALAR|the JVM's long vectors have fewer than four lanes here (needs AVX2 or wider)|SCALAR");
    }

    private static String probe(String... options) throws IOException, InterruptedException {
        return ChildJvm.output(Argon2KernelProbe.class, options);
    }
}

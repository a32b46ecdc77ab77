package io.numicoin.protocol.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of("-Xshare:off", "-cp", System.getProperty("java.class.path"), Argon2KernelProbe.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(false).start();
        child.getOutputStream().close();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the probe JVM did not finish within 60 s: " + command);
        }
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("probe JVM %s failed: %s", command, err).isZero();
        return out;
    }
}

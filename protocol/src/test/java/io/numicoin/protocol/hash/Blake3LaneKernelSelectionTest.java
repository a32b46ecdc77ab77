package io.numicoin.protocol.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.numicoin.protocol.testing.ChildJvm;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Which way {@link Blake3#hashEach} compresses in a JVM started with given options (each case a child
 * JVM running {@link Blake3LaneKernelProbe}): one at a time, with the reason, wherever vector code
 * would not run as SIMD, and the same hashes either way.
 */
class Blake3LaneKernelSelectionTest {

    @Test
    void withoutTheModuleOneAtATimeAndTheFlagToAdd() throws Exception {
        assertThat(probe()).isEqualTo(
                "one at a time (jdk.incubator.vector is not among the JVM's modules (start it with --add-modules jdk.incubator.vector))|true");
    }

    @Test
    void withTheModuleButOnlyC1OneAtATime() throws Exception {
        assertThat(probe("--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1"))
                .isEqualTo("one at a time (the JVM compiles no further than C1 (-XX:TieredStopAtLevel=1): vectors need C2)|true");
    }

    @Test
    void withTheModuleAndC2TheLanesWhereTheCpuHasWideVectors() throws Exception {
        assumeTrue(Blake3.laneKernel().endsWith(" lanes"), Blake3::laneKernel);
        assertThat(probe("--add-modules", "jdk.incubator.vector")).matches("\\d+ lanes\\|true");
    }

    @Test
    void withNarrowVectorsOneAtATime() throws Exception {
        assertThat(probe("--add-modules", "jdk.incubator.vector", "-XX:UseAVX=0"))
                .isEqualTo("one at a time (the JVM's int vectors have fewer than eight lanes here (needs AVX2 or wider))|true");
    }

    private static String probe(String... options) throws IOException, InterruptedException {
        return ChildJvm.output(Blake3LaneKernelProbe.class, options);
    }
}

package io.numicoin.protocol.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.numicoin.protocol.testing.ChildJvm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector kernel boxes no vector whatever C2 inlines: with every one of {@link BlaMkaVector}'s
 * methods kept out of line (what NodeCountInliningCutoff does to some of them in some compilations;
 * seen under ZGC, where the kernel then allocated 7 MB a hash and ran at half the scalar rate), a
 * compiled hash still allocates next to nothing. Each case is a child JVM running
 * {@link Argon2VectorAllocationProbe}.
 */
class Argon2VectorKernelTest {

    /** A hash boxing its vectors allocates megabytes; one that boxes none, a few bytes of bookkeeping. */
    private static final long MOST_BYTES_PER_HASH = 1_024;

    @ParameterizedTest
    @ValueSource(strings = {"-XX:+UseParallelGC", "-XX:+UseZGC", "-XX:+UseG1GC"})
    void compiledKernelBoxesNoVectorEvenWithItsHelpersOutOfLine(String collector) throws Exception {
        assumeTrue(Argon2Kernel.VECTOR_256.available(), Argon2Kernel.VECTOR_256::unavailableReason);
        String bytesPerHash = ChildJvm.output(Argon2VectorAllocationProbe.class, "--add-modules", "jdk.incubator.vector",
                collector, "-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,io.numicoin.protocol.pow.BlaMkaVector::*");
        assertThat(Long.parseLong(bytesPerHash)).as("bytes allocated per hash under %s", collector).isLessThan(MOST_BYTES_PER_HASH);
    }
}

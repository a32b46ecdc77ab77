package io.numicoin.protocol.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    void withNarrowVectorsOneAtATime() throws Exception {
        assertThat(probe("--add-modules", "jdk.incubator.vector", "-XX:UseAVX=0"))
                .isEqualTo("one at a time (the JVM's int vectors have fewer than eight lanes here (needs AVX2 or wider))|true");
    }

    private static String probe(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of("-Xshare:off", "-cp", System.getProperty("java.class.path"), Blake3LaneKernelProbe.class.getName()));
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

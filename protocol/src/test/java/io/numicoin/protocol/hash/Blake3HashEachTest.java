package io.numicoin.protocol.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.numicoin.protocol.vector.VectorSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Blake3#hashEach} against Bouncy Castle's BLAKE3 (an independent implementation) input by
 * input: batches of every size around the lane count, inputs of every length class (empty, one
 * chunk, exact chunk multiples, a chunk and a byte, a transfer's ~5.4 KB, 100 KB), every domain.
 * This JVM runs the lanes ({@code --add-modules jdk.incubator.vector}, C2), so the vector path is the
 * one compared; {@link Blake3LaneKernelSelectionTest} covers the JVMs that cannot.
 */
class Blake3HashEachTest {

    private static final int[] LENGTHS = {0, 1, 64, 1023, 1024, 1025, 2047, 2048, 2049, 3072, 5412, 8192, 16385, 100_000};

    @Test
    void thisJvmRunsTheLanes() {
        assumeTrue(VectorSupport.available(), VectorSupport::unavailableReason);
        assertThat(Blake3.laneKernel()).matches("\\d+ lanes");
    }

    @ParameterizedTest(name = "{0} inputs")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 390})
    void eachHashIsBouncyCastlesOfThatInput(int count) {
        Random random = new Random(1_000 + count);
        HashDomain domain = HashDomain.values()[count % HashDomain.values().length];
        List<byte[]> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = random.nextInt(3) == 0 ? random.nextInt(12_000) : LENGTHS[random.nextInt(LENGTHS.length)];
            byte[] input = new byte[length];
            random.nextBytes(input);
            inputs.add(input);
        }

        List<Hash256> hashes = Blake3.hashEach(domain, inputs);

        assertThat(hashes).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(hashes.get(i).toArray())
                    .as("input %d of %d (%d bytes)", i, count, inputs.get(i).length)
                    .isEqualTo(Blake3AgainstBouncyCastleTest.bouncyCastle(Blake3AgainstBouncyCastleTest.context(domain), 32, inputs.get(i)));
            assertThat(hashes.get(i)).isEqualTo(Blake3.hash(domain, inputs.get(i)));
        }
    }

    @Test
    void everyLengthClassAloneAndTwentyTimesOver() {
        Random random = new Random(77);
        for (int length : LENGTHS) {
            byte[] input = new byte[length];
            random.nextBytes(input);
            List<byte[]> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(input.clone());
            }
            Hash256 expected = Hash256.of(Blake3AgainstBouncyCastleTest.bouncyCastle(
                    Blake3AgainstBouncyCastleTest.context(HashDomain.MERKLE_LEAF), 32, input));
            assertThat(Blake3.hashEach(HashDomain.MERKLE_LEAF, List.of(input))).containsExactly(expected);
            assertThat(Blake3.hashEach(HashDomain.MERKLE_LEAF, batch)).as("%d bytes", length).allMatch(expected::equals);
        }
    }

    @Test
    void prefixesHashAsTheirSlicesDo() {
        Random random = new Random(91);
        List<byte[]> inputs = new ArrayList<>();
        int[] lengths = new int[50];
        for (int i = 0; i < lengths.length; i++) {
            byte[] input = new byte[LENGTHS[i % LENGTHS.length] + random.nextInt(3000)];
            random.nextBytes(input);
            inputs.add(input);
            lengths[i] = i % 4 == 0 ? input.length : random.nextInt(input.length + 1);
        }

        List<Hash256> hashes = Blake3.hashEach(HashDomain.TX, inputs, lengths);

        for (int i = 0; i < lengths.length; i++) {
            assertThat(hashes.get(i)).as("%d of %d bytes", lengths[i], inputs.get(i).length)
                    .isEqualTo(Blake3.hash(HashDomain.TX, inputs.get(i), 0, lengths[i]));
        }
        int[] tooLong = lengths.clone();
        tooLong[3] = inputs.get(3).length + 1;
        assertThatThrownBy(() -> Blake3.hashEach(HashDomain.TX, inputs, tooLong)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Blake3.hashEach(HashDomain.TX, inputs, new int[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChunkChainingValueIsTakenOnlyBetweenChunks() {
        Blake3Hasher hasher = new Blake3Hasher(new int[8], 0, 0);
        hasher.update(new byte[10], 0, 10);
        assertThatThrownBy(() -> hasher.addChunkChainingValue(new int[8], 0)).isInstanceOf(IllegalStateException.class);
    }
}

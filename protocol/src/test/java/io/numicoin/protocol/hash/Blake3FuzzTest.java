package io.numicoin.protocol.hash;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer fuzz test of the protocol's own BLAKE3 against Bouncy Castle's: any domain or context
 * string, any output length up to 2 KiB, the input cut into up to 8 parts. Under
 * {@code ./mvnw test} it runs in regression mode over {@code Blake3FuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class Blake3FuzzTest {

    @FuzzTest(maxDuration = "60s")
    void sameOutputAsBouncyCastle(FuzzedDataProvider data) {
        boolean ownContext = data.consumeBoolean();
        byte[] context = ownContext
                ? data.consumeBytes(data.consumeInt(0, 2048))
                : Blake3AgainstBouncyCastleTest.context(data.pickValue(HashDomain.values()));
        int outputLength = data.consumeInt(0, 2048);
        int cuts = data.consumeInt(0, 7);
        int[] points = new int[cuts];
        for (int i = 0; i < cuts; i++) {
            points[i] = data.consumeInt(0, 1 << 16);
        }
        byte[] input = data.consumeRemainingAsBytes();
        byte[][] parts = new byte[cuts + 1][];
        Arrays.sort(points);
        int from = 0;
        for (int i = 0; i < cuts; i++) {
            int to = Math.min(Math.max(points[i], from), input.length);
            parts[i] = Arrays.copyOfRange(input, from, to);
            from = to;
        }
        parts[cuts] = Arrays.copyOfRange(input, from, input.length);

        assertThat(Blake3.deriveKey(context, outputLength, parts))
                .isEqualTo(Blake3AgainstBouncyCastleTest.bouncyCastle(context, outputLength, input));
    }

    /** {@link Blake3#hashEach} over up to 40 inputs of any lengths (lanes filled or not) against Bouncy Castle input by input. */
    @FuzzTest(maxDuration = "60s")
    void hashEachIsEveryInputsOwnHash(FuzzedDataProvider data) {
        HashDomain domain = data.pickValue(HashDomain.values());
        int count = data.consumeInt(0, 40);
        List<byte[]> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = data.consumeInt(0, 20_000);
            byte[] input = new byte[length];
            byte[] given = data.consumeBytes(length);
            System.arraycopy(given, 0, input, 0, given.length);
            for (int j = given.length; j < length; j++) {
                input[j] = (byte) (j * 31 + i);
            }
            inputs.add(input);
        }

        List<Hash256> hashes = Blake3.hashEach(domain, inputs);

        assertThat(hashes).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(hashes.get(i).toArray()).isEqualTo(Blake3AgainstBouncyCastleTest.bouncyCastle(
                    Blake3AgainstBouncyCastleTest.context(domain), 32, inputs.get(i)));
        }
    }
}

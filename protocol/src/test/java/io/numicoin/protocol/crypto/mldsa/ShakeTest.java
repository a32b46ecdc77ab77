package io.numicoin.protocol.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SHAKE128/256 against FIPS 202's known answers and Bouncy Castle's SHAKE on seeded random input. */
class ShakeTest {

    @Test
    void emptyInputGivesTheKnownAnswers() {
        assertThat(hex(Shake.shake128().squeeze(32)))
                .isEqualTo("7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26");
        assertThat(hex(Shake.shake256().squeeze(64)))
                .isEqualTo("46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f"
                        + "d75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be");
    }

    @ParameterizedTest(name = "SHAKE{0}")
    @ValueSource(ints = {128, 256})
    void agreesWithBouncyCastleOnRandomSplitsOfInputAndOutput(int bits) {
        Random random = new Random(202L + bits);
        for (int round = 0; round < 400; round++) {
            byte[] input = new byte[random.nextInt(700)];
            random.nextBytes(input);
            int outputLength = 1 + random.nextInt(900);

            SHAKEDigest reference = new SHAKEDigest(bits);
            reference.update(input, 0, input.length);
            byte[] expected = new byte[outputLength];
            reference.doFinal(expected, 0, outputLength);

            Shake shake = bits == 128 ? Shake.shake128() : Shake.shake256();
            int absorbed = 0;
            while (absorbed < input.length) {  // absorb in random pieces, some empty
                int piece = Math.min(input.length - absorbed, random.nextInt(300));
                shake.absorb(input, absorbed, piece);
                absorbed += piece;
            }
            byte[] actual = new byte[outputLength];
            int squeezed = 0;
            while (squeezed < outputLength) {  // squeeze in random pieces
                int piece = Math.min(outputLength - squeezed, 1 + random.nextInt(400));
                shake.squeeze(actual, squeezed, piece);
                squeezed += piece;
            }
            assertThat(actual).as("round %d: %d bytes in, %d out", round, input.length, outputLength).isEqualTo(expected);
        }
    }

    @Test
    void resetStartsOverFromTheEmptyInput() {
        Shake shake = Shake.shake128().absorb(new byte[] {1, 2, 3});
        shake.squeeze(500);
        shake.reset();
        assertThat(hex(shake.squeeze(32))).isEqualTo("7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26");
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

package io.numicoin.protocol.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Project Wycheproof's 210 ML-DSA-65 verification tests (valid signatures, z at and over its bound,
 * malformed hints, wrong lengths, zero keys, contexts, boundary cases of the signer's rejection loop
 * and of the matrix expansion): the in-tree verifier gives each the expected verdict, and so does
 * Bouncy Castle (resources/wycheproof/README.md says where the vectors come from).
 */
class MlDsa65WycheproofTest {

    record Vector(int id, boolean valid, String flags, byte[] publicKey, byte[] context, byte[] message, byte[] signature) {

        @Override
        public String toString() {
            return "tcId " + id + " (" + (valid ? "valid" : "invalid") + ", " + flags + ")";
        }
    }

    static Stream<Vector> vectors() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(MlDsa65WycheproofTest.class.getResourceAsStream("/wycheproof/mldsa_65_verify_test.txt"));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            byte[] publicKey = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" ");
                if (fields[0].equals("publicKey")) {
                    publicKey = hex(fields[1]);
                    continue;
                }
                vectors.add(new Vector(Integer.parseInt(fields[0]), fields[1].equals("valid"), fields[2], publicKey,
                        hex(fields[3]), hex(fields[4]), hex(fields[5])));
            }
        }
        assertThat(vectors).hasSize(210);
        return vectors.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void inTreeVerifierGivesTheExpectedVerdict(Vector vector) {
        assertThat(MlDsa65Verify.verify(vector.publicKey(), vector.context(), vector.message(), vector.signature()))
                .isEqualTo(vector.valid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theSameThroughAKeyExpandedBefore(Vector vector) {
        boolean verdict = vector.publicKey().length == MlDsa65Verify.PUBLIC_KEY_BYTES
                && MlDsa65Verify.verify(ExpandedPublicKey.of(vector.publicKey()), vector.context(), vector.message(), vector.signature());
        assertThat(verdict).isEqualTo(vector.valid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void bouncyCastleGivesTheExpectedVerdict(Vector vector) {
        assertThat(BouncyCastleVerdict.of(vector.publicKey(), vector.context(), vector.message(), vector.signature())).isEqualTo(vector.valid());
    }

    private static byte[] hex(String field) {
        return field.equals("-") ? new byte[0] : HexFormat.of().parseHex(field);
    }
}

package io.numicoin.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.bytes.Bytes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code golden/mldsa65-keys.txt}: seed → public key, for both implementations (incl. a NIST ACVP vector). */
class MlDsaKeyGoldenTest {

    static List<MlDsaProvider> providers() {
        return Providers.both();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void everySeedGivesItsGoldenPublicKey(MlDsaProvider provider) throws IOException {
        List<String[]> vectors = goldenLines("golden/mldsa65-keys.txt");
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(9);
        int fullKeys = 0;
        for (String[] fields : vectors) {
            MlDsaPublicKey key = provider.publicKey(new MlDsaPrivateKey(Bytes.fromHex(fields[0])));

            assertThat(plainBlake3(key.bytes().toArray())).as("BLAKE3 of the key of seed %s", fields[0]).isEqualTo(fields[1]);
            if (fields.length > 2) {
                assertThat(key.bytes().toHex()).as("key of seed %s", fields[0]).isEqualTo(fields[2]);
                fullKeys++;
            }
        }
        assertThat(fullKeys).isEqualTo(1);
    }

    static List<String[]> goldenLines(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(MlDsaKeyGoldenTest.class.getClassLoader().getResourceAsStream(resource), resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+")).toList();
        }
    }

    private static String plainBlake3(byte[] data) {
        Blake3Digest digest = new Blake3Digest(256);
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}

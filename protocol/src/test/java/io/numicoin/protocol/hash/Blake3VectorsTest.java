package io.numicoin.protocol.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.testing.GoldenFile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Blake3} against the official BLAKE3 derive_key vectors (so derive-key mode and extended
 * output are right) and against one committed vector per {@link HashDomain} (so no context string
 * changes unnoticed: that would be a hard fork).
 */
class Blake3VectorsTest {

    private static final byte[] OFFICIAL_CONTEXT =
            "BLAKE3 2019-12-27 16:29:52 test vectors context".getBytes(StandardCharsets.US_ASCII);

    static List<GoldenFile.Case> official() {
        return GoldenFile.read("blake3-derive-key.txt");
    }

    static List<GoldenFile.Case> domains() {
        return GoldenFile.read("hash-domains.txt");
    }

    private static byte[] officialInput(int length) {
        byte[] input = new byte[length];
        for (int i = 0; i < length; i++) {
            input[i] = (byte) (i % 251);
        }
        return input;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("official")
    void officialDeriveKeyVector(GoldenFile.Case golden) {
        byte[] input = officialInput(Integer.parseInt(golden.field(0)));
        String expected = golden.field(1);

        assertThat(Bytes.of(Blake3.deriveKey(OFFICIAL_CONTEXT, expected.length() / 2, input)).toHex()).isEqualTo(expected);
        assertThat(Bytes.of(Blake3.deriveKey(OFFICIAL_CONTEXT, 32, input)).toHex()).isEqualTo(expected.substring(0, 64));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("official")
    void inputSplitIntoPartsHashesTheSame(GoldenFile.Case golden) {
        byte[] input = officialInput(Integer.parseInt(golden.field(0)));
        int cut = input.length / 3;
        byte[] out = Blake3.deriveKey(OFFICIAL_CONTEXT, 32, Arrays.copyOfRange(input, 0, cut),
                Arrays.copyOfRange(input, cut, input.length), new byte[0]);

        assertThat(Bytes.of(out).toHex()).isEqualTo(golden.field(1).substring(0, 64));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domains")
    void domainVector(GoldenFile.Case golden) {
        HashDomain domain = HashDomain.valueOf(golden.label());
        byte[] input = Bytes.fromHex(golden.field(1)).toArray();

        assertThat(domain.context()).isEqualTo(golden.field(0));
        assertThat(Blake3.hash(domain, input).toHex()).isEqualTo(golden.field(2));
        assertThat(Bytes.of(Blake3.xof(domain, 32, input)).toHex()).isEqualTo(golden.field(2));
    }

    @Test
    void everyDomainHasAVector() {
        assertThat(domains()).map(GoldenFile.Case::label)
                .containsExactlyElementsOf(Arrays.stream(HashDomain.values()).map(Enum::name).toList());
    }
}

package io.numicoin.protocol.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaProvider;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Hash256;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AddressFormatTest {

    private static final Address SAMPLE = new Address(Hash256.fromHex("cf0711ba1f6aa6d45aad9c909b5a763e7d90482e0209f2a32659d6837e7df6af"));
    private static final String SAMPLE_MAINNET = "numi1eur3rwsld2ndgk4dnjgfkknk8e7eqjpwqgyl9gext8tgxlna76hsz86u99";

    @Test
    void goldenVectors() throws IOException, AddressDecodeException {
        MlDsaProvider provider = MlDsaProviders.preferred();
        List<String[]> vectors = goldenLines();
        assertThat(vectors).hasSize(24);
        for (String[] fields : vectors) {
            Address address = new Address(Hash256.fromHex(fields[2]));
            AddressHrp hrp = AddressHrp.ofPrefix(fields[3]).orElseThrow();
            if (!fields[1].equals("-")) {
                List<MlDsaPublicKey> keys = Arrays.stream(fields[1].split(","))
                        .map(seed -> provider.publicKey(new MlDsaPrivateKey(Bytes.fromHex(seed)))).toList();
                SpendingPolicy policy = new SpendingPolicy(Integer.parseInt(fields[0]), keys);
                assertThat(SpendingPolicyCodec.address(policy)).as("policy hash of %s", fields[1]).isEqualTo(address);
            }

            assertThat(AddressFormat.encode(address, hrp)).isEqualTo(fields[4]);
            assertThat(AddressFormat.decode(fields[4], hrp)).isEqualTo(address);
            assertThat(AddressFormat.decode(fields[4].toUpperCase(Locale.ROOT), hrp)).isEqualTo(address);
        }
    }

    @Test
    void prefixesPerNetwork() {
        assertThat(AddressHrp.MAINNET.prefix()).isEqualTo("numi");
        assertThat(AddressHrp.TESTNET.prefix()).isEqualTo("tnumi");
        assertThat(AddressHrp.REGTEST.prefix()).isEqualTo("rnumi");
        assertThat(AddressHrp.ofPrefix("bc")).isEmpty();
        assertThat(AddressFormat.encode(SAMPLE, AddressHrp.MAINNET)).isEqualTo(SAMPLE_MAINNET).hasSize(63);
    }

    @Test
    void anotherNetworksAddressIsWrongHrp() {
        String testnet = AddressFormat.encode(SAMPLE, AddressHrp.TESTNET);

        assertError(() -> AddressFormat.decode(testnet, AddressHrp.MAINNET), AddressDecodeError.WRONG_HRP);
        assertError(() -> AddressFormat.decode(SAMPLE_MAINNET, AddressHrp.REGTEST), AddressDecodeError.WRONG_HRP);
        assertError(() -> AddressFormat.decode("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", AddressHrp.MAINNET),
                AddressDecodeError.WRONG_HRP);
    }

    @Test
    void dataOfTheWrongLengthIsBadLength() {
        for (int values : new int[] {0, 51, 53, 64}) {
            String text = Bech32m.encode("numi", Bytes.of(new byte[values]));
            assertError(() -> AddressFormat.decode(text, AddressHrp.MAINNET), AddressDecodeError.BAD_LENGTH);
        }
    }

    @Test
    void nonZeroPaddingIsRejected() {
        byte[] values = Bech32m.toFiveBit(SAMPLE.policyHash().bytes()).toArray();
        for (int bit = 0; bit < 4; bit++) {
            byte[] padded = values.clone();
            padded[51] |= (byte) (1 << bit);
            String text = Bech32m.encode("numi", Bytes.of(padded));
            assertError(() -> AddressFormat.decode(text, AddressHrp.MAINNET), AddressDecodeError.BAD_PADDING);
        }
    }

    @Test
    void malformedStrings() {
        assertError(() -> AddressFormat.decode("Numi1eur3rwsld2ndgk4dnjgfkknk8e7eqjpwqgyl9gext8tgxlna76hsz86u99", AddressHrp.MAINNET),
                AddressDecodeError.MIXED_CASE);
        assertError(() -> AddressFormat.decode(SAMPLE_MAINNET.replace('e', 'b'), AddressHrp.MAINNET), AddressDecodeError.BAD_CHARACTER);
        assertError(() -> AddressFormat.decode(" " + SAMPLE_MAINNET, AddressHrp.MAINNET), AddressDecodeError.BAD_CHARACTER);
        assertError(() -> AddressFormat.decode(SAMPLE_MAINNET.replace("numi1", "numi"), AddressHrp.MAINNET), AddressDecodeError.NO_SEPARATOR);
        assertError(() -> AddressFormat.decode(SAMPLE_MAINNET + "q".repeat(29), AddressHrp.MAINNET), AddressDecodeError.TOO_LONG);
        assertError(() -> AddressFormat.decode("", AddressHrp.MAINNET), AddressDecodeError.NO_SEPARATOR);
    }

    @Test
    void everySingleCharacterSubstitutionIsDetected() {
        String alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        for (int position = 5; position < SAMPLE_MAINNET.length(); position++) {
            for (char c : alphabet.toCharArray()) {
                if (c == SAMPLE_MAINNET.charAt(position)) {
                    continue;
                }
                String changed = SAMPLE_MAINNET.substring(0, position) + c + SAMPLE_MAINNET.substring(position + 1);
                assertError(() -> AddressFormat.decode(changed, AddressHrp.MAINNET), AddressDecodeError.BAD_CHECKSUM);
            }
        }
    }

    @Test
    void seededRandomRoundTrips() throws AddressDecodeException {
        Random random = new Random(350L);
        for (int round = 0; round < 1_000; round++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            Address address = new Address(Hash256.of(hash));
            for (AddressHrp hrp : AddressHrp.values()) {
                String text = AddressFormat.encode(address, hrp);
                assertThat(text).startsWith(hrp.prefix() + "1").hasSize(hrp.prefix().length() + 1 + 52 + 6);
                assertThat(AddressFormat.decode(text, hrp)).isEqualTo(address);
            }
        }
    }

    private static void assertError(ThrowingDecode decode, AddressDecodeError expected) {
        assertThatThrownBy(decode::run)
                .isInstanceOfSatisfying(AddressDecodeException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    @FunctionalInterface
    private interface ThrowingDecode {
        void run() throws AddressDecodeException;
    }

    private static List<String[]> goldenLines() throws IOException {
        String resource = "golden/addresses.txt";
        try (InputStream in = Objects.requireNonNull(AddressFormatTest.class.getClassLoader().getResourceAsStream(resource), resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+")).toList();
        }
    }
}

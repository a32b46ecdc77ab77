package io.numicoin.protocol.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.bytes.Bytes;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Bech32mTest {

    /** BIP-350 "Test vectors for Bech32m", valid strings. */
    @ParameterizedTest
    @ValueSource(strings = {
            "A1LQFN3A",
            "a1lqfn3a",
            "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
            "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
            "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
            "split1checkupstagehandshakeupstreamerranterredcaperredlc445v",
            "?1v759aa",
    })
    void bip350ValidStringsDecodeAndReEncode(String text) throws AddressDecodeException {
        Bech32mData data = Bech32m.decode(text);

        assertThat(text.toLowerCase(Locale.ROOT)).startsWith(data.hrp() + "1");
        assertThat(Bech32m.encode(data.hrp(), data.values())).isEqualTo(text.toLowerCase(Locale.ROOT));
    }

    @Test
    void bip350ValidStringsCarryTheExpectedData() throws AddressDecodeException {
        Bech32mData abcdef = Bech32m.decode("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx");
        byte[] descending = new byte[32];
        for (int i = 0; i < 32; i++) {
            descending[i] = (byte) (31 - i);
        }
        assertThat(abcdef.hrp()).isEqualTo("abcdef");
        assertThat(abcdef.values()).isEqualTo(Bytes.of(descending));

        Bech32mData empty = Bech32m.decode("A1LQFN3A");
        assertThat(empty.hrp()).isEqualTo("a");
        assertThat(empty.values()).isEqualTo(Bytes.EMPTY);
    }

    /** BIP-350 "Test vectors for Bech32m", invalid strings, each with the reason BIP-350 gives. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'\u00201xj0phk', BAD_CHARACTER",          // HRP character out of range
            "'\u007F1g6xzxy', BAD_CHARACTER",          // HRP character out of range
            "'\u00801vctc34', BAD_CHARACTER",          // HRP character out of range
            "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4, TOO_LONG",
            "qyrz8wqd2c9m, NO_SEPARATOR",
            "1qyrz8wqd2c9m, EMPTY_HRP",
            "y1b0jsk6g, BAD_CHARACTER",                // invalid data character
            "lt1igcx5c0, BAD_CHARACTER",               // invalid data character
            "in1muywd, BAD_LENGTH",                    // too short checksum
            "mm1crxm3i, BAD_CHARACTER",                // invalid character in checksum
            "au1s5cgom, BAD_CHARACTER",                // invalid character in checksum
            "M1VUXWEZ, BAD_CHECKSUM",                  // checksum calculated with upper-case HRP
            "16plkw9, EMPTY_HRP",
            "1p2gdwpf, EMPTY_HRP",
    })
    void bip350InvalidStringsAreRejectedForTheirReason(String text, AddressDecodeError reason) {
        assertThatThrownBy(() -> Bech32m.decode(text))
                .isInstanceOf(AddressDecodeException.class)
                .extracting(e -> ((AddressDecodeException) e).error())
                .isEqualTo(reason);
    }

    /** BIP-350 segwit v1+ addresses use bech32m; their checksums must verify here. */
    @ParameterizedTest
    @ValueSource(strings = {
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
            "BC1SW50QGDZ25J",
            "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
    })
    void bip350SegwitAddressesHaveValidBech32mChecksums(String text) throws AddressDecodeException {
        assertThat(Bech32m.decode(text).hrp()).isIn("bc", "tb");
    }

    /** Segwit v0 addresses are bech32 (BIP-173), whose constant differs: not bech32m. */
    @ParameterizedTest
    @ValueSource(strings = {
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "a12uel5l",
            "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
    })
    void bech32StringsFailTheBech32mChecksum(String text) {
        assertThatThrownBy(() -> Bech32m.decode(text))
                .isInstanceOfSatisfying(AddressDecodeException.class,
                        e -> assertThat(e.error()).isEqualTo(AddressDecodeError.BAD_CHECKSUM));
    }

    @Test
    void mixedCaseIsRejected() {
        assertThatThrownBy(() -> Bech32m.decode("A1LQfN3A"))
                .isInstanceOfSatisfying(AddressDecodeException.class,
                        e -> assertThat(e.error()).isEqualTo(AddressDecodeError.MIXED_CASE));
    }

    @Test
    void encodeRefusesWhatCannotBeEncoded() {
        assertThatThrownBy(() -> Bech32m.encode("", Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bech32m.encode("Numi", Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bech32m.encode("nu mi", Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bech32m.encode("numi", Bytes.of((byte) 32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bech32m.encode("numi", Bytes.of(new byte[80]))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Bech32m.encode("numi", Bytes.of(new byte[79]))).hasSize(Bech32m.MAX_LENGTH);
    }

    @Test
    void fiveBitConversionKnownValues() throws AddressDecodeException {
        // 0xff -> 11111 111(00): two values, two zero padding bits.
        assertThat(Bech32m.toFiveBit(Bytes.of((byte) 0xff))).isEqualTo(Bytes.of((byte) 31, (byte) 28));
        assertThat(Bech32m.fromFiveBit(Bytes.of((byte) 31, (byte) 28))).isEqualTo(Bytes.of((byte) 0xff));
        // Same length, a padding bit set: not canonical.
        assertThatThrownBy(() -> Bech32m.fromFiveBit(Bytes.of((byte) 31, (byte) 29)))
                .isInstanceOfSatisfying(AddressDecodeException.class,
                        e -> assertThat(e.error()).isEqualTo(AddressDecodeError.BAD_PADDING));
        // A whole extra value of padding: wrong length.
        assertThatThrownBy(() -> Bech32m.fromFiveBit(Bytes.of((byte) 31, (byte) 28, (byte) 0)))
                .isInstanceOfSatisfying(AddressDecodeException.class,
                        e -> assertThat(e.error()).isEqualTo(AddressDecodeError.BAD_LENGTH));
    }

    @Test
    void seededRandomRoundTrips() throws AddressDecodeException {
        Random random = new Random(0xB3C4_350L);
        for (int round = 0; round < 2_000; round++) {
            String hrp = randomHrp(random, 1 + random.nextInt(20));
            int maxValues = Bech32m.MAX_LENGTH - hrp.length() - 1 - Bech32m.CHECKSUM_LENGTH;
            byte[] values = new byte[random.nextInt(maxValues + 1)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (byte) random.nextInt(32);
            }
            String text = Bech32m.encode(hrp, Bytes.of(values));

            assertThat(Bech32m.decode(text)).isEqualTo(new Bech32mData(hrp, Bytes.of(values)));
            assertThat(Bech32m.decode(text.toUpperCase(Locale.ROOT))).isEqualTo(new Bech32mData(hrp, Bytes.of(values)));

            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            assertThat(Bech32m.fromFiveBit(Bech32m.toFiveBit(Bytes.of(bytes)))).isEqualTo(Bytes.of(bytes));
        }
    }

    @Test
    void seededRandomSingleCharacterChangesAreDetected() throws AddressDecodeException {
        Random random = new Random(173L);
        String alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        for (int round = 0; round < 500; round++) {
            byte[] values = new byte[10 + random.nextInt(50)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (byte) random.nextInt(32);
            }
            String text = Bech32m.encode("numi", Bytes.of(values));
            int position = 5 + random.nextInt(text.length() - 5);
            char replacement;
            do {
                replacement = alphabet.charAt(random.nextInt(32));
            } while (replacement == text.charAt(position));
            String changed = text.substring(0, position) + replacement + text.substring(position + 1);

            assertThatThrownBy(() -> Bech32m.decode(changed))
                    .isInstanceOfSatisfying(AddressDecodeException.class,
                            e -> assertThat(e.error()).isEqualTo(AddressDecodeError.BAD_CHECKSUM));
        }
    }

    private static String randomHrp(Random random, int length) {
        StringBuilder hrp = new StringBuilder(length);
        while (hrp.length() < length) {
            char c = (char) (33 + random.nextInt(94));
            if (c < 'A' || c > 'Z') {
                hrp.append(c);
            }
        }
        return hrp.toString();
    }
}

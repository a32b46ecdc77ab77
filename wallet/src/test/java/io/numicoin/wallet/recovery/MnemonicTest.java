package io.numicoin.wallet.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MnemonicTest {

    static final HexFormat HEX = HexFormat.of();

    /** BIP-39's reference vectors (English, the 256-bit and two 128-bit entries). */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000000000000000000000000000000000000000000000000000, abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art",
        "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f, legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth title",
        "8080808080808080808080808080808080808080808080808080808080808080, letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic bless",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote",
        "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c, hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length",
        "9f6a2878b2520799a44ef18bc7df394e7061a224d2c33cd015b157d746869863, panda eyebrow bullet gorilla call smoke muffin taste mesh discover soft ostrich alcohol speed nation flash devote level hobby quick inner drive ghost inside",
        "066dca1a2bb7e8a1db2832148ce9933eea0f3ac9548d793112d9a95c9407efad, all hour make first leader extend hole alien behind guard gospel lava path output census museum junior mass reopen famous sing advance salt reform",
        "f585c11aec520db57dd353c69554b21a89b20fb0650966fa0a9d6f74fd989d8f, void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol group space point ten exist slush involve unfold",
        "00000000000000000000000000000000, abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
        "ffffffffffffffffffffffffffffffff, zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
    })
    void bip39VectorsEncodeAndDecode(String entropy, String phrase) throws Exception {
        assertThat(String.join(" ", Mnemonic.encode(HEX.parseHex(entropy)))).isEqualTo(phrase);
        assertThat(HEX.formatHex(Mnemonic.decode(phrase))).isEqualTo(entropy);
    }

    @Test
    void seededRandomSeedsRoundTrip() throws Exception {
        Random random = new Random(39);
        for (int i = 0; i < 500; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            List<String> words = Mnemonic.encode(seed);

            assertThat(words).hasSize(24);
            assertThat(Mnemonic.decode(String.join(" ", words))).isEqualTo(seed);
        }
    }

    @Test
    void caseAndWhitespaceDoNotMatter() throws Exception {
        String phrase = "  ZOO zoo\tzoo zoo zoo zoo zoo zoo zoo zoo zoo zoo\nzoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo Vote ";

        assertThat(Mnemonic.decode(phrase)).containsOnly((byte) 0xff);
    }

    /** The last word of 24 carries 3 entropy bits and the 8 checksum bits: its neighbour in the list always fails. */
    @Test
    void wrongLastWordFailsTheChecksum() {
        String phrase = "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo voyage";

        assertFailure(phrase, MnemonicFailure.BAD_CHECKSUM);
    }

    /** One mistyped-but-valid word: all but ~1/256 of replacements are caught; seeded, so the count is exact. */
    @Test
    void replacedWordsAreCaughtByTheChecksum() throws Exception {
        Random random = new Random(4);
        int caught = 0;
        int trials = 512;
        for (int i = 0; i < trials; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            List<String> words = new ArrayList<>(Mnemonic.encode(seed));
            int position = random.nextInt(23);
            String replacement = Bip39Wordlist.english().word(random.nextInt(Bip39Wordlist.SIZE));
            if (replacement.equals(words.get(position))) {
                continue;
            }
            words.set(position, replacement);
            try {
                Mnemonic.decode(String.join(" ", words));
            } catch (MnemonicException e) {
                assertThat(e.reason()).isEqualTo(MnemonicFailure.BAD_CHECKSUM);
                caught++;
            }
        }
        assertThat(caught).isGreaterThanOrEqualTo(trials - 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abandon", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon",
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"})
    void wrongWordCounts(String phrase) {
        assertFailure(phrase, MnemonicFailure.WRONG_WORD_COUNT);
    }

    @Test
    void unknownWordNamesItsPosition() {
        String phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandom";

        assertThatThrownBy(() -> Mnemonic.decode(phrase))
                .isInstanceOfSatisfying(MnemonicException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MnemonicFailure.UNKNOWN_WORD);
                    assertThat(e.getMessage()).contains("word 12", "abandom");
                });
    }

    /** The shipped list: 2,048 sorted, distinct words whose first four letters are distinct (BIP-39's design). */
    @Test
    void wordlistIsTheOfficialList() throws Exception {
        List<String> words;
        try (InputStream in = Bip39Wordlist.class.getResourceAsStream(Bip39Wordlist.RESOURCE)) {
            words = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        }
        Set<String> prefixes = new HashSet<>();
        for (String word : words) {
            prefixes.add(word.substring(0, Math.min(4, word.length())));
        }

        assertThat(words).hasSize(2048).isSorted().doesNotHaveDuplicates().allMatch(w -> w.matches("[a-z]{3,8}"));
        assertThat(prefixes).hasSize(2048);
        assertThat(Bip39Wordlist.english().word(0)).isEqualTo("abandon");
        assertThat(Bip39Wordlist.english().indexOf("zoo")).hasValue(2047);
    }

    private static void assertFailure(String phrase, MnemonicFailure reason) {
        assertThatThrownBy(() -> Mnemonic.decode(phrase))
                .isInstanceOfSatisfying(MnemonicException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}

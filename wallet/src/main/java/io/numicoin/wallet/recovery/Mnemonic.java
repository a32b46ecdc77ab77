package io.numicoin.wallet.recovery;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * BIP-39 entropy encoding with the English list: {@code ENT} bits of entropy (128..256, a multiple
 * of 32) and the first {@code ENT/32} bits of their SHA-256 as checksum, cut into 11-bit word
 * indexes. Only the encoding: BIP-39's PBKDF2 seed derivation and its passphrase are not used.
 */
public final class Mnemonic {

    private Mnemonic() {
    }

    /** The words of {@code entropy} (16, 20, 24, 28 or 32 bytes). */
    public static List<String> encode(byte[] entropy) {
        if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
            throw new IllegalArgumentException("BIP-39 entropy is 16..32 bytes in steps of 4, got " + entropy.length);
        }
        int checksumBits = entropy.length / 4;
        byte[] checksum = sha256(entropy);
        byte[] bits = Arrays.copyOf(entropy, entropy.length + 1);
        bits[entropy.length] = checksum[0];
        int wordCount = (entropy.length * 8 + checksumBits) / 11;
        List<String> words = new ArrayList<>(wordCount);
        for (int w = 0; w < wordCount; w++) {
            words.add(Bip39Wordlist.english().word(elevenBits(bits, w * 11)));
        }
        Arrays.fill(bits, (byte) 0);
        return List.copyOf(words);
    }

    /**
     * The entropy of a mnemonic: words separated by any whitespace, case ignored, each word in
     * full (no four-letter abbreviations).
     */
    public static byte[] decode(String phrase) throws MnemonicException {
        String[] words = phrase.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length < 12 || words.length > 24 || words.length % 3 != 0) {
            throw new MnemonicException(MnemonicFailure.WRONG_WORD_COUNT,
                    "a mnemonic has 12, 15, 18, 21 or 24 words, this one has " + (phrase.isBlank() ? 0 : words.length));
        }
        int totalBits = words.length * 11;
        int checksumBits = totalBits / 33;
        byte[] bits = new byte[(totalBits + 7) / 8];
        for (int w = 0; w < words.length; w++) {
            OptionalInt index = Bip39Wordlist.english().indexOf(words[w]);
            if (index.isEmpty()) {
                throw new MnemonicException(MnemonicFailure.UNKNOWN_WORD,
                        "word " + (w + 1) + " ('" + words[w] + "') is not in the BIP-39 English list");
            }
            putElevenBits(bits, w * 11, index.getAsInt());
        }
        byte[] entropy = Arrays.copyOf(bits, (totalBits - checksumBits) / 8);
        int expected = Byte.toUnsignedInt(sha256(entropy)[0]) >>> (8 - checksumBits);
        int actual = Byte.toUnsignedInt(bits[entropy.length]) >>> (8 - checksumBits);
        Arrays.fill(bits, (byte) 0);
        if (expected != actual) {
            Arrays.fill(entropy, (byte) 0);
            throw new MnemonicException(MnemonicFailure.BAD_CHECKSUM,
                    "the mnemonic's checksum does not match: a word is mistyped or out of order");
        }
        return entropy;
    }

    private static int elevenBits(byte[] bits, int offset) {
        int value = 0;
        for (int i = 0; i < 11; i++) {
            int bit = offset + i;
            value = (value << 1) | ((bits[bit >>> 3] >>> (7 - (bit & 7))) & 1);
        }
        return value;
    }

    private static void putElevenBits(byte[] bits, int offset, int value) {
        for (int i = 0; i < 11; i++) {
            if (((value >>> (10 - i)) & 1) != 0) {
                int bit = offset + i;
                bits[bit >>> 3] |= (byte) (0x80 >>> (bit & 7));
            }
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

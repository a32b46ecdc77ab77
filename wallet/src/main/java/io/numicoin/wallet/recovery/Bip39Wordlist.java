package io.numicoin.wallet.recovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The BIP-39 English word list (2,048 words), shipped as a resource and checked against the
 * SHA-256 of the official file when it loads.
 */
public final class Bip39Wordlist {

    public static final int SIZE = 2048;
    /** SHA-256 of BIP-39's {@code english.txt}. */
    public static final String SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";
    static final String RESOURCE = "bip39-english.txt";

    private static final Bip39Wordlist ENGLISH = load();

    private final List<String> words;
    private final Map<String, Integer> indexes;

    private Bip39Wordlist(List<String> words) {
        this.words = List.copyOf(words);
        this.indexes = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            indexes.put(words.get(i), i);
        }
    }

    public static Bip39Wordlist english() {
        return ENGLISH;
    }

    public String word(int index) {
        return words.get(index);
    }

    public OptionalInt indexOf(String word) {
        Integer index = indexes.get(word);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    private static Bip39Wordlist load() {
        byte[] bytes;
        try (InputStream in = Bip39Wordlist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing from the wallet jar");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        String digest = HexFormat.of().formatHex(sha256(bytes));
        if (!digest.equals(SHA256)) {
            throw new IllegalStateException(RESOURCE + " is not the BIP-39 English list (SHA-256 " + digest + ")");
        }
        List<String> words = new String(bytes, StandardCharsets.US_ASCII).lines().toList();
        if (words.size() != SIZE) {
            throw new IllegalStateException(RESOURCE + " has " + words.size() + " words, not " + SIZE);
        }
        return new Bip39Wordlist(words);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package io.numicoin.wallet.keystore;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** The bytes a passphrase stands for: UTF-8 of its NFKD normal form. */
final class Passphrases {

    private Passphrases() {
    }

    /**
     * UTF-8 of NFKD({@code passphrase}) in a new array the caller must zero. An ASCII passphrase
     * (already NFKD) is encoded without any String; any other goes through an immutable String
     * that cannot be cleared (docs/keystore.md, "What is cleared").
     */
    static byte[] utf8(char[] passphrase) {
        boolean ascii = true;
        for (char c : passphrase) {
            ascii &= c < 0x80;
        }
        if (ascii) {
            byte[] out = new byte[passphrase.length];
            for (int i = 0; i < passphrase.length; i++) {
                out[i] = (byte) passphrase[i];
            }
            return out;
        }
        return Normalizer.normalize(new String(passphrase), Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
    }
}

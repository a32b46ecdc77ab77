package io.numicoin.wallet.recovery;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaProviders;
import java.util.Arrays;
import java.util.List;

/**
 * The backup of an ML-DSA-65 wallet key: its 32-byte FIPS 204 seed ξ as 24 BIP-39 words. The
 * words give back the seed, and FIPS 204 ML-DSA.KeyGen_internal gives back the same key pair from
 * it on any implementation.
 */
public final class KeyRecovery {

    public static final int WORDS = 24;

    private KeyRecovery() {
    }

    /** The 24 words of {@code key}'s seed. Show them once; Strings cannot be zeroed. */
    public static List<String> mnemonic(MlDsaPrivateKey key) {
        byte[] seed = key.seed().toArray();
        try {
            return Mnemonic.encode(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The key pair whose seed the 24 words encode. */
    public static MlDsaKeyPair recover(String phrase) throws MnemonicException {
        int count = phrase.isBlank() ? 0 : phrase.strip().split("\\s+").length;
        if (count != WORDS) {
            throw new MnemonicException(MnemonicFailure.WRONG_WORD_COUNT,
                    "a NumiCoin key's mnemonic has " + WORDS + " words, this one has " + count);
        }
        byte[] seed = Mnemonic.decode(phrase);
        try {
            return MlDsaProviders.preferred().keyPair(new MlDsaPrivateKey(Bytes.of(seed)));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}

package io.numicoin.wallet.recovery;

/** Why words are not a valid mnemonic. */
public enum MnemonicFailure {
    /** Not 12, 15, 18, 21 or 24 words (24 for a NumiCoin key). */
    WRONG_WORD_COUNT,
    /** A word is not in the BIP-39 English list. */
    UNKNOWN_WORD,
    /** Every word is known but the checksum bits do not match: a word is wrong or out of place. */
    BAD_CHECKSUM
}

package io.numicoin.protocol.address;

/** Why a string is not a valid bech32m address (BIP-173/BIP-350 rules plus NumiCoin's). */
public enum AddressDecodeError {
    /** Longer than the 90 characters bech32m allows. */
    TOO_LONG,
    /** A character outside printable US-ASCII (33..126), or a data character outside the bech32 alphabet. */
    BAD_CHARACTER,
    /** Both upper- and lower-case letters. */
    MIXED_CASE,
    /** No '1' separating the human-readable part from the data. */
    NO_SEPARATOR,
    /** Nothing before the separator. */
    EMPTY_HRP,
    /** The bech32m checksum does not match (a typo, or a bech32 rather than bech32m string). */
    BAD_CHECKSUM,
    /** A valid bech32m string for another network (or another use) than the one expected. */
    WRONG_HRP,
    /** The data part is too short for a checksum, or does not hold exactly a 32-byte policy hash. */
    BAD_LENGTH,
    /** The bits left over after the 32 bytes are not zero: a non-canonical encoding. */
    BAD_PADDING
}

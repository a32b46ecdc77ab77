package io.numicoin.wallet.file;

/** Why a wallet file (a policy or a partially signed transfer) was refused. */
public enum FileFormatFailure {
    /** The file could not be read or written. */
    IO,
    /** The magic is another format's (or none). */
    NOT_THIS_FORMAT,
    /** A version this program does not read (checked before anything else after the magic). */
    UNSUPPORTED_VERSION,
    /** Larger than the format allows: refused without being read whole. */
    TOO_LARGE,
    /** Shorter than the length the file declares. */
    TRUNCATED,
    /** The length fields disagree, bytes follow the declared end, or the checksum does not match. */
    CORRUPTED,
    /** The checksum matches but a field is not a valid encoding (only a wrong writer makes that). */
    MALFORMED,
    /** Well-formed, but not consistent: a sender that is not the policy's address, a signature that does not verify. */
    INVALID
}

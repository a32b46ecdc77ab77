package io.numicoin.wallet.passphrase;

/** Why no passphrase could be had. */
public enum PassphraseFailure {
    /** A prompt was asked for, but there is no terminal to ask on (a service, a pipe, CI). */
    NO_CONSOLE,
    /** The environment variable that should name the passphrase file is unset or empty. */
    ENV_UNSET,
    /** The passphrase file is missing or unreadable. */
    FILE_UNREADABLE,
    /** The passphrase file is larger than a passphrase can be. */
    FILE_TOO_LARGE,
    /** The passphrase file's first line is not UTF-8. */
    NOT_UTF8,
    /** The passphrase (the prompt's answer or the file's first line) is empty. */
    EMPTY,
    /** The two entries of a new passphrase differ. */
    MISMATCH,
    /** The source description is not {@code prompt}, {@code file:PATH} or {@code env:VARIABLE}. */
    BAD_SPEC
}

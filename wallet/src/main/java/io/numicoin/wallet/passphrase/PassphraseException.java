package io.numicoin.wallet.passphrase;

import java.util.Objects;

/** No passphrase could be read, for {@link #reason()}. */
public final class PassphraseException extends Exception {

    private final PassphraseFailure reason;

    public PassphraseException(PassphraseFailure reason, String message) {
        this(reason, message, null);
    }

    public PassphraseException(PassphraseFailure reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public PassphraseFailure reason() {
        return reason;
    }
}

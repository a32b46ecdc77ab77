package io.numicoin.wallet.keystore;

import java.util.Objects;

/** A keystore operation failed for {@link #reason()}; the message says what to do about it. */
public final class KeystoreException extends Exception {

    private final KeystoreFailure reason;

    public KeystoreException(KeystoreFailure reason, String message) {
        this(reason, message, null);
    }

    public KeystoreException(KeystoreFailure reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public KeystoreFailure reason() {
        return reason;
    }
}

package io.numicoin.wallet.file;

import java.util.Objects;

/** A wallet file was refused; {@link #reason()} says why, the message says what and where. */
public final class FileFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FileFormatFailure reason;

    public FileFormatException(FileFormatFailure reason, String message) {
        this(reason, message, null);
    }

    public FileFormatException(FileFormatFailure reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FileFormatFailure reason() {
        return reason;
    }
}

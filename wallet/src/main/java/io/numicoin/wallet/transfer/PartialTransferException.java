package io.numicoin.wallet.transfer;

import java.util.Objects;

/** A step of the partially signed transfer flow failed; {@link #reason()} says why, the message what to do. */
public final class PartialTransferException extends Exception {

    private static final long serialVersionUID = 1L;

    private final PartialTransferFailure reason;

    public PartialTransferException(PartialTransferFailure reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public PartialTransferFailure reason() {
        return reason;
    }
}

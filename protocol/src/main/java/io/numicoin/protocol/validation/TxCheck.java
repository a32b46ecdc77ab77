package io.numicoin.protocol.validation;

import java.util.Objects;

/**
 * The outcome of the stateless transaction rules: valid, or the first rule broken.
 *
 * @param reason null when valid
 */
public record TxCheck(TxRejectReason reason, String detail) {

    public static final TxCheck VALID = new TxCheck(null, "valid");

    public TxCheck {
        Objects.requireNonNull(detail, "detail");
    }

    public static TxCheck invalid(TxRejectReason reason, String detail) {
        return new TxCheck(Objects.requireNonNull(reason, "reason"), detail);
    }

    public boolean isValid() {
        return reason == null;
    }
}

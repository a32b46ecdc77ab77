package io.numicoin.wallet.recovery;

import java.util.Objects;

/** Words that are not a valid mnemonic, for {@link #reason()}. */
public final class MnemonicException extends Exception {

    private final MnemonicFailure reason;

    public MnemonicException(MnemonicFailure reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public MnemonicFailure reason() {
        return reason;
    }
}

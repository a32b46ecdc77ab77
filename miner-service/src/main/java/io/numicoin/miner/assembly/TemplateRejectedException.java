package io.numicoin.miner.assembly;

import io.numicoin.protocol.state.StateRejectReason;

/** A template's block breaks a state rule against its parent's state (a stale or wrong template). */
public final class TemplateRejectedException extends RuntimeException {

    private final StateRejectReason reason;

    public TemplateRejectedException(StateRejectReason reason, String message) {
        super("template rejected against the parent state: " + reason + ": " + message);
        this.reason = reason;
    }

    public StateRejectReason reason() {
        return reason;
    }
}

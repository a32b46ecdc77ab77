package io.numicoin.node.relay;

import java.util.Objects;

/** The verdict of {@link TipStateRule}: passed, or the reason and a detail for humans. */
public record TipCheck(TipRejectReason reason, String detail) {

    private static final TipCheck PASSED = new TipCheck(null, "");

    public TipCheck {
        Objects.requireNonNull(detail, "detail");
    }

    public static TipCheck passed() {
        return PASSED;
    }

    public static TipCheck refused(TipRejectReason reason, String detail) {
        return new TipCheck(Objects.requireNonNull(reason, "reason"), detail);
    }

    public boolean isPassed() {
        return reason == null;
    }
}

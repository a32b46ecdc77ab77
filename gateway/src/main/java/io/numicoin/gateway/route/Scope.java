package io.numicoin.gateway.route;

import java.util.Locale;

/** What an API key may do: {@code read} the chain, mempool and explorer; {@code submit} transactions. */
public enum Scope {
    READ, SUBMIT;

    /** {@code read} → {@link #READ}; an unknown name is an {@link IllegalArgumentException}. */
    public static Scope parse(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

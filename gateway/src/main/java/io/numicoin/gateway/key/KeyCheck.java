package io.numicoin.gateway.key;

import java.util.Optional;

/** What a presented key turned out to be. */
public record KeyCheck(Outcome outcome, Optional<ApiKey> key) {

    public enum Outcome { VALID, UNKNOWN, REVOKED }

    static KeyCheck valid(ApiKey key) {
        return new KeyCheck(Outcome.VALID, Optional.of(key));
    }

    static KeyCheck of(Outcome outcome) {
        return new KeyCheck(outcome, Optional.empty());
    }
}

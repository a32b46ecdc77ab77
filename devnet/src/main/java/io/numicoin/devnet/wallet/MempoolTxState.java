package io.numicoin.devnet.wallet;

import io.numicoin.events.MempoolEvent.RemovalReason;
import io.numicoin.support.problem.Problem;
import java.util.Objects;

/**
 * What the mempool says of one transaction ({@code GET /api/v1/mempool/transactions/{txid}},
 * docs/mempool-api.md): pending, removed recently (why, and the pool's tip height then: the including
 * block's for {@link RemovalReason#INCLUDED_IN_BLOCK}), or unknown to it.
 */
public sealed interface MempoolTxState {

    /** The 404 rule of a transaction that left the pool recently. */
    String REMOVED_RULE = "REMOVED";

    record Pending() implements MempoolTxState {
    }

    record Removed(RemovalReason reason, long tipHeight) implements MempoolTxState {

        public Removed {
            Objects.requireNonNull(reason, "reason");
        }

        /** For the user: where it went, and what the reason means. */
        public String describe() {
            return reason == RemovalReason.INCLUDED_IN_BLOCK
                    ? "mined in block " + tipHeight + " (the mempool's account)"
                    : "left the mempool without being mined at height " + tipHeight + ": " + switch (reason) {
                        case REPLACED -> "REPLACED (another transfer with the same nonce and a higher fee took its place)";
                        case EXPIRED -> "EXPIRED (its expiry height or the pool's age limit passed)";
                        case EVICTED -> "EVICTED (the mempool was full and it paid the least)";
                        case INVALID -> "INVALID (no longer valid against the chain: balance or nonce)";
                        case CONFLICT -> "CONFLICT (a block took another transfer with the same nonce)";
                        case INCLUDED_IN_BLOCK -> throw new AssertionError("handled above");
                    };
        }
    }

    /** Never seen, or removed so long ago (or before a restart) that the pool no longer knows why. */
    record Unknown() implements MempoolTxState {
    }

    /**
     * The state a 404's problem document says: {@link Removed} for rule {@code REMOVED} with a reason this
     * wallet knows, else {@link Unknown} (a newer mempool's reason is no reason to stop waiting).
     */
    static MempoolTxState notPending(Problem problem) {
        if (!REMOVED_RULE.equals(problem.rule())) {
            return new Unknown();
        }
        try {
            RemovalReason reason = RemovalReason.valueOf(problem.extra().getOrDefault("reason", ""));
            long height = Long.parseLong(problem.extra().getOrDefault("tipHeight", "-1"));
            return new Removed(reason, height);
        } catch (IllegalArgumentException e) {  // NumberFormatException included
            return new Unknown();
        }
    }
}

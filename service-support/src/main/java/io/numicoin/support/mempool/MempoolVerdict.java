package io.numicoin.support.mempool;

import io.numicoin.support.problem.Problem;
import java.util.Objects;
import java.util.Optional;

/**
 * The mempool's answer to a submitted transaction ({@code POST /api/v1/mempool/transactions},
 * docs/mempool-api.md): ADDED, REPLACED (with the replaced txid) or DUPLICATE, or INVALID with the
 * problem naming the broken rule ({@code INSUFFICIENT_BALANCE}, {@code NONCE_TOO_LOW},
 * {@code FEE_RATE_TOO_LOW}, {@code EXPIRED}, {@code REPLACEMENT_UNDERPAID}, …).
 */
public record MempoolVerdict(Outcome outcome, String txid, Optional<String> replaced, Optional<Problem> problem) {

    /** What the mempool did with it (its {@code AddOutcome}). */
    public enum Outcome {
        ADDED,
        REPLACED,
        DUPLICATE,
        INVALID
    }

    public MempoolVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(replaced, "replaced");
        Objects.requireNonNull(problem, "problem");
        if ((outcome == Outcome.INVALID) != problem.isPresent()) {
            throw new IllegalArgumentException("a problem is given exactly when the outcome is INVALID");
        }
    }

    public boolean accepted() {
        return outcome != Outcome.INVALID;
    }
}

package io.numicoin.mempool.pool;

import io.numicoin.protocol.hash.Hash256;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of offering one transaction: {@code reason} and {@code detail} are set exactly when
 * INVALID; {@code removed} lists what left the pool because of it (the replaced transaction, evictions).
 */
public record AddResult(
        AddOutcome outcome, Hash256 txid, PoolRejectReason reason, String detail,
        Optional<PoolEntry> added, List<Removal> removed) {

    public AddResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(added, "added");
        removed = List.copyOf(removed);
        if ((outcome == AddOutcome.INVALID) != (reason != null)) {
            throw new IllegalArgumentException("a reason is given exactly when the outcome is INVALID");
        }
    }

    public static AddResult invalid(Hash256 txid, PoolRejectReason reason, String detail) {
        return new AddResult(AddOutcome.INVALID, txid, Objects.requireNonNull(reason), detail, Optional.empty(), List.of());
    }

    public static AddResult duplicate(Hash256 txid) {
        return new AddResult(AddOutcome.DUPLICATE, txid, null, "already pending", Optional.empty(), List.of());
    }

    public boolean isAccepted() {
        return outcome == AddOutcome.ADDED || outcome == AddOutcome.REPLACED;
    }
}

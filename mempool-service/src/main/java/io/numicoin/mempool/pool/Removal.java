package io.numicoin.mempool.pool;

import io.numicoin.events.MempoolEvent.RemovalReason;
import java.util.Objects;

/** A transaction that left the pool, and why. */
public record Removal(PoolEntry entry, RemovalReason reason) {

    public Removal {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(reason, "reason");
    }
}

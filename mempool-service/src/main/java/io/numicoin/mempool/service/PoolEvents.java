package io.numicoin.mempool.service;

import io.numicoin.mempool.pool.PoolEntry;
import io.numicoin.mempool.pool.Removal;
import io.numicoin.protocol.hash.Hash256;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where {@link PoolService} announces the pool's changes ({@code numi.mempool.v1}); the Kafka
 * package implements it, so the pool does not depend on Kafka.
 */
public interface PoolEvents {

    /** Announces {@code Accepted} and returns once it is durable; throws when it could not be. */
    void acceptedAcknowledged(PoolEntry entry, long tipHeight);

    /** Announces {@code Accepted} without waiting (the reload on start). */
    void accepted(PoolEntry entry, long tipHeight);

    /** Announces a {@code Removed} per removal; one that fails is kept for {@link #retryUnpublished}. */
    void removed(List<Removal> removals);

    /** Announces again the removals that failed, except those whose transaction {@code inPool} says is back. */
    void retryUnpublished(Predicate<Hash256> inPool);
}

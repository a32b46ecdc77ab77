package io.numicoin.explorer.index;

import java.util.function.BooleanSupplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness by the read model's lag ({@code chainLag}): UP once the initial backfill is done and
 * while at most {@code maxReadyLag} blocks behind the node, OUT_OF_SERVICE while it catches up or
 * the lag is unknown. Only readiness: the API keeps answering from what the read model has.
 */
public final class ChainLagHealth implements HealthIndicator {

    private final ChainIndexer indexer;
    private final BooleanSupplier backfilled;
    private final long maxReadyLag;

    public ChainLagHealth(ChainIndexer indexer, BooleanSupplier backfilled, long maxReadyLag) {
        this.indexer = indexer;
        this.backfilled = backfilled;
        this.maxReadyLag = maxReadyLag;
    }

    @Override
    public Health health() {
        long lag = indexer.lag();
        boolean done = backfilled.getAsBoolean();
        boolean ready = done && lag >= 0 && lag <= maxReadyLag;
        return (ready ? Health.up() : Health.outOfService()).withDetail("lagBlocks", lag)
                .withDetail("height", indexer.height()).withDetail("backfilled", done).build();
    }
}

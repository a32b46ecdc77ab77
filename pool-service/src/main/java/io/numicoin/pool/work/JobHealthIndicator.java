package io.numicoin.pool.work;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code jobs} health component (in the readiness group): UP while the pool gets work from
 * the node and the mempool, DOWN with the last failure while it cannot (miners would get no jobs).
 */
public final class JobHealthIndicator implements HealthIndicator {

    private final JobRefresher refresher;
    private final JobBook book;

    public JobHealthIndicator(JobRefresher refresher, JobBook book) {
        this.refresher = refresher;
        this.book = book;
    }

    @Override
    public Health health() {
        Health.Builder health = refresher.failures() == 0 ? Health.up() : Health.down()
                .withDetail("consecutiveFailures", refresher.failures()).withDetail("reason", refresher.lastFailure());
        book.current().ifPresent(job -> health.withDetail("job", job.id()).withDetail("height", job.height()));
        return health.build();
    }
}

package io.numicoin.miner.status;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code mining}: UP while hashing on current work; DOWN when the node or the mempool failed
 * (details name which and why); OUT_OF_SERVICE while starting or disabled.
 */
public final class MinerHealthIndicator implements HealthIndicator {

    private final MinerStatus status;

    public MinerHealthIndicator(MinerStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        MinerStatus.Snapshot snapshot = status.snapshot();
        Status result = switch (snapshot.state()) {
            case MINING -> Status.UP;
            case RETRYING -> Status.DOWN;
            case STARTING, DISABLED -> Status.OUT_OF_SERVICE;
        };
        return Health.status(result).withDetails(snapshot.details()).build();
    }
}

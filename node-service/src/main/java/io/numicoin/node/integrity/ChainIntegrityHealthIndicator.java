package io.numicoin.node.integrity;

import io.numicoin.node.chain.NodeChainService;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code chainIntegrity} in the readiness group: DOWN while the chain service refuses calls (the
 * startup check failed, or stored data turned out corrupt), with the reason and the command to run.
 */
public final class ChainIntegrityHealthIndicator implements HealthIndicator {

    private final NodeChainService chain;
    private final ChainStartup startup;

    public ChainIntegrityHealthIndicator(NodeChainService chain, ChainStartup startup) {
        this.chain = chain;
        this.startup = startup;
    }

    @Override
    public Health health() {
        return chain.refusal()
                .map(reason -> Health.down().withDetail("reason", reason).withDetail("repair", IntegrityReport.REINDEX_COMMAND).build())
                .orElseGet(() -> {
                    Health.Builder up = Health.up();
                    startup.report().ifPresent(r -> up.withDetail("checkLevel", r.level()).withDetail("checkedBlocks", r.checkedBlocks()));
                    return up.build();
                });
    }
}

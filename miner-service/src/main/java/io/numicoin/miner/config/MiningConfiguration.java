package io.numicoin.miner.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.miner.assembly.BlockAssembler;
import io.numicoin.miner.assembly.StateCommitmentSource;
import io.numicoin.miner.events.ChainTipListener;
import io.numicoin.miner.job.BlockPacing;
import io.numicoin.miner.job.MiningJob;
import io.numicoin.miner.job.NodeTipWork;
import io.numicoin.miner.job.WorkBuilder;
import io.numicoin.miner.job.WorkSource;
import io.numicoin.miner.mining.MiningEngine;
import io.numicoin.miner.pow.PowHashers;
import io.numicoin.miner.status.MinerHealthIndicator;
import io.numicoin.miner.status.MinerMetrics;
import io.numicoin.miner.status.MinerStatus;
import io.numicoin.miner.upstream.MempoolClient;
import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mining threads, the job that feeds them, the chain-tip listener, health and metrics. */
@Configuration(proxyBeanMethods = false)
class MiningConfiguration {

    private final AtomicReference<MiningJob> job = new AtomicReference<>();

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Address payoutAddress(MinerProperties properties, NetworkParams params) {
        return PayoutAddress.parse(properties.miner().payoutAddress(), params);
    }

    @Bean(destroyMethod = "close")
    MiningEngine miningEngine(MinerProperties properties, NetworkParams params) {
        return new MiningEngine(properties.miner().threads(), PowHashers.factory(properties.miner().argon2(), params.pow()),
                found -> job.get().blockFound(found));
    }

    @Bean
    MinerStatus minerStatus() {
        return new MinerStatus();
    }

    @Bean
    MinerMetrics minerMetrics(MeterRegistry registry, MiningEngine engine) {
        return new MinerMetrics(registry, engine::hashCount);
    }

    @Bean
    MinerHealthIndicator miningHealthIndicator(MinerStatus status) {
        return new MinerHealthIndicator(status);
    }

    @Bean
    WorkBuilder workBuilder(MinerProperties properties, NetworkParams params, MempoolClient mempool, NodeClient node,
            Address payoutAddress, StateCommitmentSource commitments, Clock clock) {
        return new WorkBuilder(params, mempool, node, new BlockAssembler(params, payoutAddress, commitments), clock,
                properties.miner().maxBytes(), properties.miner().maxTransactions());
    }

    @Bean
    @ConditionalOnProperty(name = "numi.miner.enabled", havingValue = "true", matchIfMissing = true)
    MiningJob miningJob(MinerProperties properties, WorkBuilder builder, NodeClient node, MiningEngine engine,
            MinerStatus status, MinerMetrics metrics) {
        MinerProperties.Upstream up = properties.upstream();
        MinerProperties.Pacing pacing = properties.miner().pacing();
        if (pacing.enabled() && properties.network() != Network.REGTEST) {
            throw new IllegalStateException("numi.miner.pacing.interval is for regtest only, not " + properties.network());
        }
        WorkSource source = properties.miner().view() == MinerView.NODE ? new NodeTipWork(builder, node) : builder;
        MiningJob created = new MiningJob(source, node, engine, status, metrics, properties.miner().templatePoll(),
                up.backoffInitial(), up.backoffMax(), new BlockPacing(pacing.interval(), pacing.fromHeight()));
        job.set(created);
        return created;
    }

    /** Not for {@code numi.miner.view=node}: that miner follows its node's tip, not the event source's. */
    @Bean
    @ConditionalOnExpression("${numi.miner.enabled:true} and '${numi.miner.view:mempool}'.equalsIgnoreCase('mempool')")
    ChainTipListener chainTipListener(KafkaProperties kafka,
            NetworkParams params, MiningJob miningJob) {
        // the whole connection (SASL, TLS), not only the brokers: an authenticated Kafka refuses anything less
        return new ChainTipListener(kafka.buildConsumerProperties(), params.chainId(), miningJob::tipChanged);
    }
}

package io.numicoin.pool.config;

import io.numicoin.miner.config.MinerProperties;
import io.numicoin.miner.assembly.BlockAssembler;
import io.numicoin.miner.upstream.ProposalStateCommitmentSource;
import io.numicoin.miner.events.ChainTipListener;
import io.numicoin.miner.job.WorkBuilder;
import io.numicoin.miner.upstream.MempoolClient;
import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.pool.payout.PoolKey;
import io.numicoin.pool.work.JobBook;
import io.numicoin.pool.work.JobHealthIndicator;
import io.numicoin.pool.work.JobRefresher;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.ProtocolLimits;
import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pool's key, the jobs and what keeps them current (templates, chain events). */
@Configuration(proxyBeanMethods = false)
class WorkConfiguration {

    /** Jobs kept live on one tip (better templates); shares on older ones are refused as unknown. */
    private static final int LIVE_JOBS = 16;
    /** Shares remembered per job for duplicate detection. */
    private static final int SHARES_PER_JOB = 1_000_000;

    @Bean
    PoolKey poolKey(PoolProperties properties) {
        return PoolKey.unlock(properties.pool().keystore(), properties.pool().passphraseSource(),
                properties.pool().createKeyIfMissing());
    }

    @Bean
    JobBook jobBook() {
        return new JobBook(LIVE_JOBS, SHARES_PER_JOB);
    }

    @Bean
    WorkBuilder poolWorkBuilder(NetworkParams params, MempoolClient mempool, NodeClient node, PoolKey key, Clock clock) {
        return new WorkBuilder(params, mempool, node, new BlockAssembler(params, key.address(), new ProposalStateCommitmentSource(node)),
                clock, ProtocolLimits.MAX_BLOCK_BYTES - 4096, ProtocolLimits.MAX_BLOCK_TRANSACTIONS - 1);
    }

    @Bean
    JobRefresher jobRefresher(PoolProperties properties, WorkBuilder poolWorkBuilder, JobBook jobBook) {
        MinerProperties.Upstream up = properties.upstream();
        return new JobRefresher(poolWorkBuilder, jobBook, properties.pool().templatePoll(), up.backoffInitial(), up.backoffMax());
    }

    @Bean
    JobHealthIndicator jobsHealthIndicator(JobRefresher jobRefresher, JobBook jobBook) {
        return new JobHealthIndicator(jobRefresher, jobBook);
    }

    @Bean
    ChainTipListener chainTipListener(KafkaProperties kafka,
            NetworkParams params, JobRefresher jobRefresher) {
        // the whole connection (SASL, TLS), not only the brokers: an authenticated Kafka refuses anything less
        return new ChainTipListener(kafka.buildConsumerProperties(), params.chainId(), jobRefresher::tipChanged);
    }
}

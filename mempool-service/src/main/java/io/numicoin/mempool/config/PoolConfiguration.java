package io.numicoin.mempool.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.numicoin.mempool.api.MempoolController;
import io.numicoin.mempool.kafka.MempoolEventPublisher;
import io.numicoin.mempool.node.NodeAccountSource;
import io.numicoin.mempool.pool.AccountSource;
import io.numicoin.mempool.pool.Admission;
import io.numicoin.mempool.pool.ChainTip;
import io.numicoin.mempool.pool.FeeEstimator;
import io.numicoin.mempool.pool.Mempool;
import io.numicoin.mempool.service.ChainFollower;
import io.numicoin.mempool.service.PoolMetrics;
import io.numicoin.mempool.service.PoolService;
import io.numicoin.mempool.store.PoolStore;
import io.numicoin.mempool.store.PostgresPoolStore;
import io.numicoin.protocol.crypto.ExpandedKeyCache;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.support.metrics.ExpandedKeyMeters;
import io.numicoin.support.node.NodeApiClient;
import java.net.URI;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pool and what surrounds it: account state from the node, the store, the publisher, the chain
 * follower. On start the stored pool is reloaded and re-validated before the Kafka listeners start.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class PoolConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NetworkParams networkParams(MempoolProperties properties) {
        return NetworkParams.of(properties.network());
    }

    @Bean
    NodeAccountSource nodeAccountSource(MempoolProperties properties, NetworkParams params) {
        MempoolProperties.Node node = properties.node();
        return new NodeAccountSource(new NodeApiClient(URI.create(node.baseUrl()), node.timeout(), node.attempts(), node.retryBackoff(), null),
                params.hrp(), node.cacheSize());
    }

    @Bean
    PoolStore poolStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new PostgresPoolStore(jdbc, transactions);
    }

    @Bean
    Mempool mempool(MempoolProperties properties, Clock clock, PoolStore store) {
        ChainTip tip = store.cursor().map(PoolStore.Cursor::tip).orElse(new ChainTip(Hash256.ZERO, 0));
        return new Mempool(properties.pool().limits(), clock, tip);
    }

    /** The public keys admission's signature checks keep expanded ({@code numi.pool.expanded-keys}; 0 keeps none). */
    @Bean
    ExpandedKeyCache admissionExpandedKeys(MempoolProperties properties) {
        return new ExpandedKeyCache(properties.pool().expandedKeys());
    }

    @Bean
    MeterBinder admissionExpandedKeyMeters(ExpandedKeyCache admissionExpandedKeys) {
        return meters -> ExpandedKeyMeters.register(meters, "numi.mempool.signature_keys", "admission signature checks",
                "numi.pool.expanded-keys", admissionExpandedKeys);
    }

    @Bean
    Admission admission(NetworkParams params, AccountSource accounts, Mempool mempool, ExpandedKeyCache admissionExpandedKeys) {
        return new Admission(new TransactionRules(params.chainId(), MlDsaProviders.consensus(admissionExpandedKeys)), accounts, mempool);
    }

    @Bean
    FeeEstimator feeEstimator() {
        return new FeeEstimator(MempoolController.TEMPLATE_MAX_BYTES);
    }

    @Bean
    PoolMetrics poolMetrics(MeterRegistry registry, Mempool mempool) {
        return new PoolMetrics(registry, mempool);
    }

    @Bean
    MempoolEventPublisher mempoolEventPublisher(KafkaTemplate<byte[], byte[]> kafka, NetworkParams params, Clock clock,
            MempoolProperties properties) {
        return new MempoolEventPublisher(kafka, params.chainId(), clock, properties.events().publish());
    }

    /** The producer made before readiness turns UP (runners run before it): the first offer finds it warm. */
    @Bean
    ApplicationRunner kafkaProducerWarmUp(MempoolEventPublisher publisher) {
        return arguments -> publisher.warmUp();
    }

    @Bean
    PoolService poolService(Admission admission, PoolStore store, MempoolEventPublisher publisher, PoolMetrics metrics, Clock clock) {
        PoolService service = new PoolService(admission, store, publisher, metrics, clock);
        service.reload();
        return service;
    }

    @Bean
    ChainFollower chainFollower(PoolService service, AccountSource accounts, FeeEstimator estimator, PoolStore store,
            NetworkParams params, Clock clock) {
        return new ChainFollower(service, accounts, estimator, store, params.chainId(), clock, store.cursor().orElse(null));
    }

    @Bean
    ExpirySweep expirySweep(PoolService service) {
        return new ExpirySweep(service);
    }

    /** Drops expired and too old transactions between blocks ({@code numi.pool.expiry-sweep}). */
    public static final class ExpirySweep {

        private final PoolService service;

        ExpirySweep(PoolService service) {
            this.service = service;
        }

        @Scheduled(fixedDelayString = "${numi.pool.expiry-sweep:1m}", initialDelayString = "${numi.pool.expiry-sweep:1m}")
        public void sweep() {
            service.expire();
        }
    }
}

package io.numicoin.node.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.numicoin.node.bus.AfterCommitBusSink;
import io.numicoin.node.bus.ChainEventBus;
import io.numicoin.node.chain.ChainServiceSettings;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.outbox.JdbcOutboxWriter;
import io.numicoin.node.outbox.OutboxChainEvents;
import io.numicoin.node.storage.BlockFiles;
import io.numicoin.node.storage.ChainEventSink;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.params.GenesisPins;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.Argon2idProvider;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.support.argon2.Argon2Mode;
import io.numicoin.support.argon2.Argon2idProviders;
import io.numicoin.support.metrics.ExpandedKeyMeters;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The chain: network parameters, the clock, chain events and the chain service. */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChainConfiguration.class);

    /**
     * The Argon2id the node's proof-of-work checks use ({@code numi.node.argon2}: {@code auto}, the default,
     * takes libargon2 when present; {@code java}; {@code native}); the choice is logged at startup.
     */
    @Bean
    Argon2idProvider nodeArgon2id(@Value("${numi.node.argon2:auto}") String mode) {
        return Argon2idProviders.choose(Argon2Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT)), "node");
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The network's parameters, refused (the node does not start) unless their genesis hashes to the pinned id. */
    @Bean
    NetworkParams networkParams(NodeProperties properties) {
        return GenesisPins.verified(properties.params());
    }

    /** The node's transactions (read-write, default isolation). */
    @Bean
    TransactionTemplate nodeTransactions(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /**
     * Where each connect/disconnect is told: the outbox (on the deployment's event source), and
     * after commit the live stream's bus (on every node).
     */
    @Bean
    ChainEventSink chainEventSink(NodeProperties properties, JdbcOutboxWriter outbox, NetworkParams params, Clock clock,
            ChainEventBus liveStream) {
        ChainEventSink events = properties.events().publish() ? new OutboxChainEvents(outbox, params.chainId(), clock) : ChainEventSink.NONE;
        return new AfterCommitBusSink(events, liveStream);
    }

    /**
     * The block bodies' files ({@code numi.chain.block-files}, by default {@code <numi.p2p.data-dir>/blocks}),
     * in the directory of this database's store id.
     */
    @Bean(destroyMethod = "close")
    BlockFiles blockFiles(NodeProperties properties, JdbcTemplate jdbc) {
        BlockFiles files = BlockFiles.forDatabase(properties.chain().blockFiles(), jdbc, BlockFiles.DEFAULT_MAX_FILE_BYTES);
        log.info("node: block bodies in {}", files.directory());
        return files;
    }

    /** The disk the block files take, for sizing the data directory's volume. */
    @Bean
    MeterBinder blockFilesMeters(BlockFiles files) {
        return meters -> Gauge.builder("numi.chain.block_files.bytes", files, BlockFiles::bytes).baseUnit("bytes")
                .description("Bytes of the block files (every stored block body, and records no row names)").register(meters);
    }

    @Bean(destroyMethod = "close")
    NodeChainService nodeChainService(NodeProperties properties, NetworkParams params, JdbcTemplate jdbc,
            TransactionTemplate nodeTransactions, BlockFiles blockFiles, ChainEventSink chainEventSink, Clock clock) {
        NodeProperties.Chain chain = properties.chain();
        int threads = chain.verifierThreads() > 0 ? chain.verifierThreads() : Runtime.getRuntime().availableProcessors();
        log.info("node: {} signature verifier threads; BLAKE3 of block bodies (merkle leaves, txids) compresses {}", threads,
                Blake3.laneKernel());
        return new NodeChainService(params, jdbc, nodeTransactions, blockFiles, chainEventSink, clock,
                new ChainServiceSettings(chain.importLockTimeout(), chain.accountCacheSize(), threads, chain.verifiedTransfers(),
                        chain.expandedKeys()));
    }

    /**
     * The stateless transaction rules of the API's and gossip's checks: the chain service's own, so a
     * transfer that passes there is not verified again in the block that carries it.
     */
    @Bean
    TransactionRules transactionRules(NodeChainService chain) {
        return chain.transactionRules();
    }

    /** Transfers of blocks this node checked without verifying them again (they had passed alone before). */
    @Bean
    FunctionCounter transfersPassedBeforeCounter(NodeChainService chain, MeterRegistry meters) {
        return FunctionCounter.builder("numi.chain.transfers_passed_before", chain, NodeChainService::transfersPassedBefore)
                .description("Transfers in checked blocks that had passed the stateless rules alone before and were not verified again")
                .register(meters);
    }

    /** Transfers of blocks this node verified (signatures included). */
    @Bean
    FunctionCounter transfersVerifiedCounter(NodeChainService chain, MeterRegistry meters) {
        return FunctionCounter.builder("numi.chain.transfers_verified", chain, NodeChainService::transfersVerified)
                .description("Transfers in checked blocks whose stateless rules (signatures included) were checked")
                .register(meters);
    }

    /** Signature checks that found their public key expanded already, and those that expanded it. */
    @Bean
    MeterBinder expandedKeyMeters(NodeChainService chain) {
        return meters -> ExpandedKeyMeters.register(meters, "numi.chain.signature_keys", "ML-DSA signature checks",
                "numi.chain.expanded-keys", chain.expandedKeys());
    }
}

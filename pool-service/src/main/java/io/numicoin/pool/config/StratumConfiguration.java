package io.numicoin.pool.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.miner.pow.PowHashers;
import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.pool.block.FoundBlocks;
import io.numicoin.pool.block.ShareAccounting;
import io.numicoin.pool.ledger.LedgerQueries;
import io.numicoin.pool.ledger.PoolLedger;
import io.numicoin.pool.pplns.Pplns;
import io.numicoin.pool.share.ShareValidator;
import io.numicoin.pool.share.VardiffSettings;
import io.numicoin.pool.stats.PoolStatistics;
import io.numicoin.pool.stratum.StratumMetrics;
import io.numicoin.pool.stratum.StratumServer;
import io.numicoin.pool.stratum.StratumSettings;
import io.numicoin.pool.work.JobBook;
import io.numicoin.pool.work.JobRefresher;
import io.numicoin.protocol.params.NetworkParams;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The Stratum server, share checks, the ledger, found blocks and statistics. */
@Configuration(proxyBeanMethods = false)
class StratumConfiguration {

    @Bean
    PoolLedger poolLedger(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new PoolLedger(jdbc, tx);
    }

    @Bean
    LedgerQueries ledgerQueries(JdbcTemplate jdbc) {
        return new LedgerQueries(jdbc);
    }

    @Bean
    PoolStatistics poolStatistics(MeterRegistry registry, Clock clock, PoolProperties properties) {
        return new PoolStatistics(registry, clock, properties.pool().statsWindow());
    }

    @Bean
    Pplns pplns(PoolProperties properties) {
        return new Pplns(properties.pool().windowWeight(), properties.pool().feeBasisPoints());
    }

    @Bean(destroyMethod = "close")
    FoundBlocks foundBlocks(NodeClient node, PoolLedger ledger, Pplns pplns, PoolStatistics stats, JobRefresher jobs) {
        return new FoundBlocks(node, ledger, pplns, stats, jobs);
    }

    @Bean
    ShareValidator shareValidator(JobBook jobs, PoolProperties properties, NetworkParams params, Clock clock) {
        return new ShareValidator(jobs, PowHashers.factory(properties.pool().argon2(), params.pow(), "pool"), clock,
                properties.stratum().maxFutureSeconds());
    }

    @Bean
    StratumServer stratumServer(PoolProperties properties, NetworkParams params, JobBook jobs, ShareValidator validator,
            PoolLedger ledger, PoolStatistics stats, FoundBlocks blocks, MeterRegistry registry) throws UnknownHostException {
        PoolProperties.Stratum s = properties.stratum();
        PoolProperties.Vardiff v = properties.vardiff();
        StratumSettings settings = new StratumSettings(InetAddress.getByName(s.address()), s.port(), s.maxLineBytes(), s.idleTimeout(),
                s.handshakeTimeout(), s.maxConnections(), s.maxConnectionsPerIp(), s.maxWorkersPerConnection(), s.submitsPerSecond(),
                s.submitBurst(), s.maxSubmitsInFlight(), s.invalidWindow(), s.invalidLimit(), s.banDuration(), s.ipBanAfter(),
                new VardiffSettings(v.targetInterval(), v.retargetInterval(), v.fastShares(), v.minDifficulty(), v.maxDifficulty(),
                        v.maxStep()), v.startDifficulty());
        AtomicReference<StratumServer> server = new AtomicReference<>();
        StratumMetrics metrics = new StratumMetrics(registry, () -> server.get() == null ? 0 : server.get().connections());
        server.set(new StratumServer(settings, params.hrp(), jobs, validator, new ShareAccounting(ledger, stats, blocks),
                properties.pool().validationThreads(), properties.pool().validationQueue(), metrics));
        return server.get();
    }
}

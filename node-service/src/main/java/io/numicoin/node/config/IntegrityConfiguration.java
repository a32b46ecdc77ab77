package io.numicoin.node.config;

import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.integrity.ChainIntegrityHealthIndicator;
import io.numicoin.node.integrity.ChainStartup;
import io.numicoin.node.integrity.ReindexCommand;
import io.numicoin.node.integrity.Reindexer;
import io.numicoin.node.integrity.StartupIntegrityCheck;
import io.numicoin.node.storage.BlockFiles;
import io.numicoin.node.storage.ChainEventSink;
import io.numicoin.protocol.params.NetworkParams;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Startup: the integrity check before the chain service serves; the reindex command. */
@Configuration(proxyBeanMethods = false)
class IntegrityConfiguration {

    @Bean
    StartupIntegrityCheck startupIntegrityCheck(NetworkParams params, JdbcTemplate jdbc, TransactionTemplate nodeTransactions,
            BlockFiles blockFiles, NodeProperties properties, Clock clock) {
        NodeProperties.Integrity integrity = properties.integrity();
        return new StartupIntegrityCheck(params, jdbc, nodeTransactions, blockFiles,
                new StartupIntegrityCheck.Settings(integrity.checkBlocks(), integrity.checkLevel(), integrity.sampledBuckets()), clock);
    }

    /** Runs while the context starts (before the web server listens): check, then serve or refuse. */
    @Bean(initMethod = "run")
    @ConditionalOnProperty(name = "numi.command", havingValue = "serve", matchIfMissing = true)
    ChainStartup chainStartup(StartupIntegrityCheck check, NodeChainService chain) {
        return new ChainStartup(check, chain);
    }

    @Bean
    ChainIntegrityHealthIndicator chainIntegrityHealthIndicator(NodeChainService chain, ObjectProvider<ChainStartup> startup) {
        return new ChainIntegrityHealthIndicator(chain, () -> Optional.ofNullable(startup.getIfAvailable()).flatMap(ChainStartup::report));
    }

    @Bean
    @ConditionalOnProperty(name = "numi.command", havingValue = "reindex")
    ReindexCommand reindexCommand(NetworkParams params, JdbcTemplate jdbc, TransactionTemplate nodeTransactions,
            BlockFiles blockFiles, ChainEventSink chainEventSink, Clock clock) {
        return new ReindexCommand(new Reindexer(params, jdbc, nodeTransactions, blockFiles, chainEventSink, clock));
    }

    /** Runs the command and keeps its exit code for {@code SpringApplication.exit}. */
    @Bean
    @ConditionalOnProperty(name = "numi.command", havingValue = "reindex")
    CommandResult reindexRunner(ReindexCommand command) {
        return new CommandResult(command);
    }

    /** An {@link ApplicationRunner} that runs the reindex and reports its exit code. */
    static final class CommandResult implements ApplicationRunner, ExitCodeGenerator {
        private final ReindexCommand command;
        private int exitCode;

        CommandResult(ReindexCommand command) {
            this.command = command;
        }

        @Override
        public void run(org.springframework.boot.ApplicationArguments args) {
            exitCode = command.run();
        }

        @Override
        public int getExitCode() {
            return exitCode;
        }
    }
}

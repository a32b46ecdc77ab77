package io.numicoin.node.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.events.TopicSettings;
import io.numicoin.events.Topics;
import io.numicoin.node.outbox.EventOutbox;
import io.numicoin.node.outbox.JdbcOutboxWriter;
import io.numicoin.node.outbox.OutboxRelay;
import io.numicoin.node.outbox.OutboxSignal;
import io.numicoin.node.outbox.PublishedTransactions;
import io.numicoin.node.outbox.RelaySettings;
import io.numicoin.node.outbox.TopicSpec;
import io.numicoin.node.storage.BlockFiles;
import io.numicoin.protocol.params.NetworkParams;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: the writer every event goes through, and (on the event-source node) the relay to Kafka. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    OutboxSignal outboxSignal() {
        return new OutboxSignal();
    }

    @Bean
    JdbcOutboxWriter outboxWriter(JdbcTemplate jdbc, OutboxSignal signal) {
        return new JdbcOutboxWriter(jdbc, signal);
    }

    @Bean
    EventOutbox eventOutbox(JdbcOutboxWriter writer, JdbcTemplate jdbc, TransactionTemplate nodeTransactions, NetworkParams params,
            Clock clock, NodeProperties properties) {
        return new EventOutbox(writer, nodeTransactions, params.chainId(), clock, properties.events().publish(),
                new PublishedTransactions(jdbc, clock));
    }

    /**
     * Only on the deployment's event source, and not while running a command such as reindex. A
     * lifecycle, so it stops before the database pool and Kafka clients are torn down.
     */
    @Bean
    @ConditionalOnExpression("${numi.events.publish:false} and '${numi.command:serve}'.equalsIgnoreCase('serve')")
    RelayLifecycle outboxRelay(JdbcTemplate jdbc, BlockFiles blockFiles, OutboxSignal signal, KafkaProperties kafka,
            NodeProperties properties, Clock clock, MeterRegistry meters) {
        NodeProperties.Events events = properties.events();
        List<TopicSpec> topics = Topics.all().stream().map(OutboxConfiguration::spec).toList();
        RelaySettings settings = new RelaySettings(kafka.buildProducerProperties(), kafka.buildAdminProperties(), topics,
                events.relayBatchSize(), 16L * 1024 * 1024, events.relayPoll(), events.relayBackoffInitial(),
                events.relayBackoffMax(), events.relaySendTimeout());
        return new RelayLifecycle(new OutboxRelay(jdbc, blockFiles, signal, settings, clock, meters));
    }

    /** Starts the relay with the context and stops it first when the context closes. */
    static final class RelayLifecycle implements SmartLifecycle {
        private final OutboxRelay relay;
        private volatile boolean running;

        RelayLifecycle(OutboxRelay relay) {
            this.relay = relay;
        }

        @Override
        public void start() {
            relay.start();
            running = true;
        }

        @Override
        public void stop() {
            relay.close();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        OutboxRelay relay() {
            return relay;
        }
    }

    private static TopicSpec spec(TopicSettings settings) {
        return new TopicSpec(settings.name(), settings.partitions(), settings.configs());
    }
}

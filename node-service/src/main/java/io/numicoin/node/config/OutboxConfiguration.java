package io.numicoin.node.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.events.TopicSettings;
import io.numicoin.events.Topics;
import io.numicoin.node.outbox.EventOutbox;
import io.numicoin.node.outbox.JdbcOutboxWriter;
import io.numicoin.node.outbox.OutboxRelay;
import io.numicoin.node.outbox.OutboxSignal;
import io.numicoin.node.outbox.RelaySettings;
import io.numicoin.node.outbox.TopicSpec;
import io.numicoin.protocol.params.NetworkParams;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
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
    EventOutbox eventOutbox(JdbcOutboxWriter writer, TransactionTemplate nodeTransactions, NetworkParams params, Clock clock,
            NodeProperties properties) {
        return new EventOutbox(writer, nodeTransactions, params.chainId(), clock, properties.events().publish());
    }

    /** Only on the deployment's event source, and not while running a command such as reindex. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnExpression("${numi.events.publish:false} and '${numi.command:serve}'.equalsIgnoreCase('serve')")
    OutboxRelay outboxRelay(JdbcTemplate jdbc, OutboxSignal signal, KafkaProperties kafka, NodeProperties properties,
            Clock clock, MeterRegistry meters) {
        NodeProperties.Events events = properties.events();
        List<TopicSpec> topics = Topics.all().stream().map(OutboxConfiguration::spec).toList();
        RelaySettings settings = new RelaySettings(kafka.buildProducerProperties(), kafka.buildAdminProperties(), topics,
                events.relayBatchSize(), 16L * 1024 * 1024, events.relayPoll(), events.relayBackoffInitial(),
                events.relayBackoffMax(), events.relaySendTimeout());
        return new OutboxRelay(jdbc, signal, settings, clock, meters);
    }

    private static TopicSpec spec(TopicSettings settings) {
        return new TopicSpec(settings.name(), settings.partitions(), settings.configs());
    }
}

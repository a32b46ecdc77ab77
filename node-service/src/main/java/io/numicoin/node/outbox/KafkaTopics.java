package io.numicoin.node.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the event topics (replication factor left to the cluster's default) with an
 * {@link Admin} client; topics that exist already are left as they are.
 */
final class KafkaTopics {

    private KafkaTopics() {
    }

    /** @throws Exception when the cluster cannot be reached or refuses, so the relay retries */
    static void create(Map<String, Object> adminProperties, List<TopicSpec> topics, long timeoutMillis) throws Exception {
        Admin admin = Admin.create(adminProperties);
        try {
            List<NewTopic> requests = topics.stream()
                    .map(t -> new NewTopic(t.name(), Optional.of(t.partitions()), Optional.empty()).configs(t.configs()))
                    .toList();
            CreateTopicsResult result = admin.createTopics(requests);
            for (TopicSpec topic : topics) {
                try {
                    result.values().get(topic.name()).get(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                } catch (TimeoutException e) {
                    throw new TimeoutException("creating topic " + topic.name() + " took over " + timeoutMillis + " ms");
                }
            }
        } finally {
            admin.close(Duration.ofSeconds(1));  // do not wait for calls still retrying against a dead broker
        }
    }
}

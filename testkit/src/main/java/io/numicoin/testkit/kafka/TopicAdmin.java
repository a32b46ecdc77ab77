package io.numicoin.testkit.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates topics on a broker through the Admin client and waits until they can be used. */
final class TopicAdmin {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private TopicAdmin() {
    }

    /** Creates {@code name} with replication factor 1; returns once every partition has a leader. */
    static void create(String bootstrapServers, String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            admin.createTopics(List.of(topic)).all().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitLeaders(admin, name, partitions);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topic " + name + " on " + bootstrapServers, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic " + name + " not ready on " + bootstrapServers
                    + " within " + READY_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topic " + name, e);
        }
    }

    private static void awaitLeaders(Admin admin, String name, int partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                List<TopicPartitionInfo> infos = admin.describeTopics(List.of(name)).allTopicNames()
                        .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(name).partitions();
                if (infos.size() == partitions && infos.stream().allMatch(info -> info.leader() != null)) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // created, but the broker's metadata does not show it yet (seen right after a broker start): ask again
            }
            Thread.sleep(20);
        }
        throw new TimeoutException("partitions of " + name + " have no leader");
    }
}

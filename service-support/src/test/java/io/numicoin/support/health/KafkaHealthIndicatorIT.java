package io.numicoin.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Against the in-process KRaft broker: up with the cluster's details, down while it is stopped, up again after. */
class KafkaHealthIndicatorIT {

    @Test
    void followsTheBrokerDownAndBackUp() {
        try (EmbeddedKafka kafka = EmbeddedKafka.launch()) {
            KafkaHealthIndicator indicator = new KafkaHealthIndicator(
                    Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    Duration.ofSeconds(2), "numi-test-health");
            try {
                Health up = indicator.health(true);
                assertThat(up.getStatus()).isEqualTo(Status.UP);
                assertThat(up.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");

                kafka.stop();
                Health down = indicator.health(true);
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);

                kafka.start();
                assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
            } finally {
                indicator.destroy();
            }
        }
    }
}

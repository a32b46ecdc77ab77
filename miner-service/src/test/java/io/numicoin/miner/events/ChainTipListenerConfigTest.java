package io.numicoin.miner.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.codec.ChainEventCodec;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;

/** The tip listener's consumer connects the way Spring's settings say (SASL, TLS), with its own group and limits. */
class ChainTipListenerConfigTest {

    @Test
    void theConnectionIsKeptAndTheListenersOwnSettingsWin() {
        Map<String, Object> connection = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9093",
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL",
                SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                ConsumerConfig.GROUP_ID_CONFIG, "numi-pool",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.StringDeserializer");

        Map<String, Object> config = new ChainTipListener(connection, 1, (tip, height) -> { }).consumerConfig();

        assertThat(config).containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9093")
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                .containsKey(SaslConfigs.SASL_JAAS_CONFIG)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, ChainEventCodec.MAX_BYTES)
                .doesNotContainKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        assertThat((String) config.get(ConsumerConfig.GROUP_ID_CONFIG)).startsWith("numi-miner-");
    }
}

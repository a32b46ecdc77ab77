package io.numicoin.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.events.codec.MempoolEventCodec;
import io.numicoin.events.codec.PeerObservationCodec;
import io.numicoin.events.codec.TransactionSeenCodec;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Topic names, settings, and that the broker accepts the largest record each decoder accepts. */
class TopicsTest {

    @Test
    void namesAndSettings() {
        assertThat(Topics.all()).map(TopicSettings::name)
                .containsExactly("numi.chain.v1", "numi.tx.v1", "numi.mempool.v1", "numi.peers.v1");
        assertThat(Topics.CHAIN_SETTINGS.partitions()).isEqualTo(1);
        assertThat(Topics.CHAIN_SETTINGS.configs()).isEqualTo(Map.of(
                "max.message.bytes", "4194304", "retention.ms", "2592000000", "cleanup.policy", "delete"));
        assertThat(Topics.all()).allSatisfy(settings -> assertThat(settings.name()).matches("numi\\.[a-z]+\\.v[0-9]+"));
    }

    @Test
    void everyTopicTakesItsLargestEventWithRoomForTheBatchOverhead() {
        int overhead = 1024;
        assertThat(Topics.CHAIN_SETTINGS.maxMessageBytes()).isGreaterThan(ChainEventCodec.MAX_BYTES + overhead);
        assertThat(Topics.TX_SETTINGS.maxMessageBytes()).isGreaterThan(TransactionSeenCodec.MAX_BYTES + overhead);
        assertThat(Topics.MEMPOOL_SETTINGS.maxMessageBytes()).isGreaterThan(MempoolEventCodec.MAX_BYTES + overhead);
        assertThat(Topics.PEERS_SETTINGS.maxMessageBytes()).isGreaterThan(PeerObservationCodec.MAX_BYTES + overhead);
    }

    @Test
    void everyEventTypeHasAUniqueCodeOnAKnownTopic() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::code).distinct().count()).isEqualTo(EventType.values().length);
        assertThat(EventType.values()).allSatisfy(type -> {
            assertThat(Topics.all()).map(TopicSettings::name).contains(type.topic());
            assertThat(EventType.ofCode(type.code())).contains(type);
        });
        assertThat(EventType.ofCode(0)).isEmpty();
    }
}

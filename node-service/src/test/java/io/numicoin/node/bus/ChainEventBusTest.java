package io.numicoin.node.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.protocol.hash.Hash256;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ChainEventBusTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ChainEventBus bus = new ChainEventBus(4, meters);

    @Test
    void aReorgIsAnnouncedInOrderAndCounted() {
        List<SequencedEvent> seen = new ArrayList<>();
        bus.events().subscribe(seen::add);
        bus.blockDisconnected(id(1), 7);
        bus.blockDisconnected(id(2), 6);
        bus.blockConnected(id(4), 6);
        bus.blockConnected(id(5), 7);
        bus.blockConnected(id(3), 8);
        bus.transactionSeen(id(9));

        assertThat(seen).extracting(SequencedEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(seen).extracting(SequencedEvent::event).containsExactly(
                new NodeEvent.BlockDisconnected(id(1), 7), new NodeEvent.BlockDisconnected(id(2), 6),
                new NodeEvent.BlockConnected(id(4), 6), new NodeEvent.BlockConnected(id(5), 7),
                new NodeEvent.BlockConnected(id(3), 8), new NodeEvent.TxSeen(id(9)));
        assertThat(meters.get("numi.chain.blocks.connected").counter().count()).isEqualTo(3);
        assertThat(meters.get("numi.chain.blocks.disconnected").counter().count()).isEqualTo(2);
        assertThat(meters.get("numi.chain.reorgs").counter().count()).isEqualTo(1);
        assertThat(meters.get("numi.chain.reorg.depth").summary().max()).isEqualTo(2);
    }

    @Test
    void aSubscriberThatDoesNotReadLosesItsOldestEventsWithoutSlowingPublishers() {
        List<SequencedEvent> fast = new ArrayList<>();
        bus.events().subscribe(fast::add);
        StepVerifier.create(bus.events(), 0)
                .then(() -> {
                    for (int i = 1; i <= 10; i++) {
                        bus.transactionSeen(id(i));
                    }
                })
                .thenRequest(10)
                // buffer 4: events 1..6 were dropped for this subscriber, 7..10 kept
                .expectNextMatches(e -> e.seq() == 7)
                .expectNextMatches(e -> e.seq() == 8)
                .expectNextMatches(e -> e.seq() == 9)
                .expectNextMatches(e -> e.seq() == 10)
                .expectNoEvent(Duration.ofMillis(50))
                .thenCancel()
                .verify(Duration.ofSeconds(5));

        assertThat(fast).hasSize(10);
        assertThat(meters.get("numi.stream.events.dropped").counter().count()).isEqualTo(6);
    }

    @Test
    void publishingWithoutSubscribersIsHarmlessAndSubscribersAreCounted() {
        bus.transactionSeen(id(1));
        var subscription = bus.events().subscribe();
        assertThat(meters.get("numi.stream.subscribers").gauge().value()).isEqualTo(1);
        assertThat(bus.subscriberCount()).isEqualTo(1);
        subscription.dispose();
        assertThat(meters.get("numi.stream.subscribers").gauge().value()).isZero();
    }

    private static Hash256 id(int n) {
        byte[] bytes = new byte[32];
        bytes[31] = (byte) n;
        return Hash256.of(bytes);
    }
}

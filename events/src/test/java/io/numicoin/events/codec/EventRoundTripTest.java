package io.numicoin.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.ChainEvent;
import io.numicoin.events.Event;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.PeerObservation;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.testing.EventContract;
import io.numicoin.events.testing.RandomEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random events of every type encode, decode to an equal event, and re-encode to the same bytes. */
class EventRoundTripTest {

    private static final int ROUNDS = 40;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void chainEvents(long seed) throws EventDecodeException {
        RandomEvents events = new RandomEvents(seed);
        for (int i = 0; i < ROUNDS / 4; i++) {
            ChainEvent event = events.chainEvent(3);
            assertThat(EventContract.CHAIN.check(ChainEventCodec.encode(event))).contains(event);
            assertThat(ChainEventCodec.key(event)).hasSize(4);
            assertGenericRoundTrip(event);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void transactionsSeen(long seed) throws EventDecodeException {
        RandomEvents events = new RandomEvents(seed);
        for (int i = 0; i < ROUNDS; i++) {
            TransactionSeen event = events.transactionSeen();
            assertThat(EventContract.TX.check(TransactionSeenCodec.encode(event))).contains(event);
            assertThat(TransactionSeenCodec.key(event)).isEqualTo(event.tx().sender().policyHash().toArray());
            assertGenericRoundTrip(event);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void mempoolEvents(long seed) throws EventDecodeException {
        RandomEvents events = new RandomEvents(seed);
        for (int i = 0; i < ROUNDS; i++) {
            MempoolEvent event = events.mempoolEvent();
            assertThat(EventContract.MEMPOOL.check(MempoolEventCodec.encode(event))).contains(event);
            assertThat(MempoolEventCodec.key(event)).isEqualTo(event.sender().policyHash().toArray());
            assertGenericRoundTrip(event);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void peerObservations(long seed) throws EventDecodeException {
        RandomEvents events = new RandomEvents(seed);
        for (int i = 0; i < ROUNDS; i++) {
            PeerObservation event = events.peerObservation();
            assertThat(EventContract.PEERS.check(PeerObservationCodec.encode(event))).contains(event);
            assertGenericRoundTrip(event);
        }
    }

    private static void assertGenericRoundTrip(Event event) throws EventDecodeException {
        byte[] value = EventCodecs.encode(event);
        assertThat(EventCodecs.decode(EventCodecs.topic(event), value)).isEqualTo(event);
        assertThat(EnvelopeCodec.peek(value).meta()).isEqualTo(event.meta());
        assertThat(EnvelopeCodec.peek(value).type()).contains(event.type());
    }
}

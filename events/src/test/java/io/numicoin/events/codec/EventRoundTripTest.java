package io.numicoin.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.events.ChainEvent;
import io.numicoin.events.Event;
import io.numicoin.events.EventDecodeError;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.PeerObservation;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.testing.EventContract;
import io.numicoin.events.testing.RandomEvents;
import io.numicoin.protocol.codec.BlockCodec;
import java.util.Arrays;
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
    @ValueSource(longs = {4, 5, 6})
    void chainEventWithoutItsBlockIsTheRecordsPrefix(long seed) throws EventDecodeException {
        RandomEvents events = new RandomEvents(seed);
        for (int i = 0; i < ROUNDS / 4; i++) {
            ChainEvent event = events.chainEvent(3);
            byte[] record = ChainEventCodec.encode(event);
            byte[] head = ChainEventCodec.encodeWithoutBlock(event);
            byte[] block = BlockCodec.encode(event.block());
            assertThat(head.length + block.length).isEqualTo(record.length);
            assertThat(concat(head, block)).isEqualTo(record);
            // Alone, the head announces a payload it does not hold: a decoder refuses it as truncated.
            assertThatThrownBy(() -> ChainEventCodec.decode(head)).isInstanceOf(EventDecodeException.class)
                    .satisfies(e -> assertThat(((EventDecodeException) e).error()).isEqualTo(EventDecodeError.TRUNCATED));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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

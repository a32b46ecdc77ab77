package io.numicoin.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.events.ChainEvent;
import io.numicoin.events.Event;
import io.numicoin.events.EventDecodeError;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.EventMeta;
import io.numicoin.events.PeerObservation;
import io.numicoin.events.Topics;
import io.numicoin.events.testing.EventFixtures;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The envelope's checks and the versioning rule: later schema versions are read by prefix, nothing else is. */
class EnvelopeCodecTest {

    private static final Event PEER = EventFixtures.events().get("peer-success");
    private static final Event CONNECTED = EventFixtures.events().get("block-connected");

    /** {@code record} as a later schema version of its type would write it: {@code extra} appended to the payload. */
    private static byte[] asLaterSchema(byte[] record, int schemaVersion, byte[] extra) {
        byte[] out = Arrays.copyOf(record, record.length + extra.length);
        System.arraycopy(extra, 0, out, record.length, extra.length);
        out[4] = (byte) schemaVersion;
        ByteBuffer.wrap(out).putInt(EnvelopeCodec.HEADER_SIZE - 4, record.length - EnvelopeCodec.HEADER_SIZE + extra.length);
        return out;
    }

    private static EventDecodeError refusal(String topic, byte[] record) {
        try {
            EventCodecs.decode(topic, record);
        } catch (EventDecodeException e) {
            return e.error();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aLaterSchemaVersionIsReadByItsKnownFieldsAndItsTailIgnored() throws EventDecodeException {
        byte[] later = asLaterSchema(EventCodecs.encode(PEER), 2, new byte[] {1, 2, 3, 4, 5});
        assertThat(PeerObservationCodec.decode(later)).isEqualTo(PEER);

        byte[] laterChain = asLaterSchema(EventCodecs.encode(CONNECTED), 7, new byte[300]);
        ChainEvent decoded = ChainEventCodec.decode(laterChain);
        assertThat(decoded).isEqualTo(CONNECTED);
        assertThat(EnvelopeCodec.peek(laterChain).schemaVersion()).isEqualTo(7);
    }

    @Test
    void theCurrentSchemaVersionMustBeConsumedExactly() {
        byte[] tail = asLaterSchema(EventCodecs.encode(PEER), 1, new byte[] {9});
        assertThat(refusal(Topics.PEERS, tail)).isEqualTo(EventDecodeError.TRAILING_BYTES);
    }

    @Test
    void aLaterSchemaMustStillCarryEveryKnownField() {
        byte[] record = EventCodecs.encode(PEER);
        byte[] shortened = asLaterSchema(Arrays.copyOf(record, record.length - 1), 2, new byte[0]);
        assertThat(refusal(Topics.PEERS, shortened)).isEqualTo(EventDecodeError.TRUNCATED);
    }

    @Test
    void refusesOtherMagicFormatsTypesAndTopics() {
        byte[] record = EventCodecs.encode(PEER);

        byte[] magic = record.clone();
        magic[0] = 'X';
        assertThat(refusal(Topics.PEERS, magic)).isEqualTo(EventDecodeError.NOT_AN_EVENT);
        byte[] format = record.clone();
        format[2] = 2;
        assertThat(refusal(Topics.PEERS, format)).isEqualTo(EventDecodeError.UNSUPPORTED_FORMAT);
        byte[] type = record.clone();
        type[3] = 0x31;
        assertThat(refusal(Topics.PEERS, type)).isEqualTo(EventDecodeError.UNKNOWN_TYPE);
        byte[] schema = record.clone();
        schema[4] = 0;
        assertThat(refusal(Topics.PEERS, schema)).isEqualTo(EventDecodeError.OUT_OF_RANGE);
        assertThat(refusal(Topics.CHAIN, record)).isEqualTo(EventDecodeError.WRONG_TOPIC);
        assertThat(refusal(Topics.PEERS, new byte[0])).isEqualTo(EventDecodeError.TRUNCATED);
    }

    @Test
    void peekReadsTheSequenceOfAnUnknownType() throws EventDecodeException {
        byte[] record = EventCodecs.encode(PEER);
        record[3] = 0x7f;

        EnvelopeHeader header = EnvelopeCodec.peek(record);

        assertThat(header.typeCode()).isEqualTo(0x7f);
        assertThat(header.type()).isEmpty();
        assertThat(header.meta()).isEqualTo(PEER.meta());
    }

    @Test
    void refusesOversizedRecordsBeforeReadingThem() {
        assertThat(refusal(Topics.PEERS, new byte[PeerObservationCodec.MAX_BYTES + 1])).isEqualTo(EventDecodeError.TOO_LARGE);
        assertThat(refusal(Topics.CHAIN, new byte[ChainEventCodec.MAX_BYTES + 1])).isEqualTo(EventDecodeError.TOO_LARGE);
        assertThat(refusal(Topics.TX, new byte[TransactionSeenCodec.MAX_BYTES + 1])).isEqualTo(EventDecodeError.TOO_LARGE);
        assertThat(refusal(Topics.MEMPOOL, new byte[MempoolEventCodec.MAX_BYTES + 1])).isEqualTo(EventDecodeError.TOO_LARGE);
    }

    @Test
    void sequenceAndTimeAboveTwoToTheSixtyThirdAreRefused() {
        byte[] record = EventCodecs.encode(PEER);
        byte[] sequence = record.clone();
        sequence[9] = (byte) 0x80;
        assertThat(refusal(Topics.PEERS, sequence)).isEqualTo(EventDecodeError.OUT_OF_RANGE);
        byte[] created = record.clone();
        created[17] = (byte) 0x80;
        assertThat(refusal(Topics.PEERS, created)).isEqualTo(EventDecodeError.OUT_OF_RANGE);
    }

    @Test
    void unknownTopicIsAProgrammingError() {
        assertThatThrownBy(() -> EventCodecs.decode("numi.other.v1", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void metaRejectsNegativeSequenceAndTime() {
        assertThatThrownBy(() -> new EventMeta(1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventMeta(1, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(((PeerObservation) PEER).meta().chainId()).isEqualTo(EventFixtures.CHAIN_ID);
    }
}

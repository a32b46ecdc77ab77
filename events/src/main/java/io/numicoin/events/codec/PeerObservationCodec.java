package io.numicoin.events.codec;

import io.numicoin.events.EventDecodeException;
import io.numicoin.events.PeerObservation;
import io.numicoin.events.PeerObservation.Outcome;
import io.numicoin.events.Topics;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.DecodeException;

/**
 * Records of {@link Topics#PEERS} (schema 1); text is a u16 length and printable ASCII:
 *
 * <pre>
 * address (1..256) | peer id (1..128) | agent (0..256) | height u64 | outcome u8 (0 SUCCESS, 1 FAILURE)
 * | observed at u64 (Unix ms)
 * </pre>
 *
 * The key is the peer id (ASCII), so one peer's observations keep their order.
 */
public final class PeerObservationCodec {

    /** Envelope, the largest payload (663 bytes) and room for fields later schema versions append. */
    public static final int MAX_BYTES = EnvelopeCodec.HEADER_SIZE + 4 * 1024;

    private PeerObservationCodec() {
    }

    public static byte[] encode(PeerObservation event) {
        int payloadLength = PayloadFields.textSize(event.address()) + PayloadFields.textSize(event.peerId())
                + PayloadFields.textSize(event.agent()) + 8 + 1 + 8;
        ByteWriter writer = EnvelopeCodec.start(event.type(), event.meta(), payloadLength);
        PayloadFields.writeText(writer, event.address());
        PayloadFields.writeText(writer, event.peerId());
        PayloadFields.writeText(writer, event.agent());
        writer.i64(event.height()).u8(event.outcome().ordinal()).i64(event.observedAtMillis());
        return EnvelopeCodec.finish(writer, payloadLength);
    }

    public static PeerObservation decode(byte[] record) throws EventDecodeException {
        OpenedEnvelope envelope = EnvelopeCodec.open(record, Topics.PEERS, MAX_BYTES);
        try {
            ByteReader payload = envelope.payload();
            String address = PayloadFields.readText(payload, "address", 1, PeerObservation.MAX_ADDRESS_CHARS);
            String peerId = PayloadFields.readText(payload, "peer id", 1, PeerObservation.MAX_PEER_ID_CHARS);
            String agent = PayloadFields.readText(payload, "agent", 0, PeerObservation.MAX_AGENT_CHARS);
            long height = payload.u63("height");
            Outcome outcome = PayloadFields.readEnum(payload, "outcome", Outcome.values());
            long observedAt = payload.u63("observed at");
            envelope.end();
            return new PeerObservation(envelope.meta(), address, peerId, agent, height, outcome, observedAt);
        } catch (DecodeException e) {
            throw new EventDecodeException(e);
        }
    }

    /** The record key: the peer id. */
    public static byte[] key(PeerObservation event) {
        return PayloadFields.ascii(event.peerId());
    }
}

package io.numicoin.events.codec;

import io.numicoin.events.EventDecodeError;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.Topics;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.TransactionSeen.Source;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.TransferTx;
import java.util.Optional;

/**
 * Records of {@link Topics#TX} (schema 1):
 *
 * <pre>
 * source u8 (0 API, 1 PEER) | received at u64 (Unix ms) | peer id: u16 length (0 for API, 1..128 for PEER)
 * + printable ASCII | transaction length u32 (&le; 64 KiB) | transfer
 * </pre>
 *
 * The key is the sender's address (32 bytes), so one sender's transactions keep their order.
 */
public final class TransactionSeenCodec {

    /** Envelope, a full transaction and room for fields later schema versions append. */
    public static final int MAX_BYTES = EnvelopeCodec.HEADER_SIZE + ProtocolLimits.MAX_TRANSACTION_BYTES + 4 * 1024;

    private TransactionSeenCodec() {
    }

    public static byte[] encode(TransactionSeen event) {
        byte[] tx = PayloadFields.transfer(event.tx());
        String peerId = event.peerId().orElse("");
        int payloadLength = 1 + 8 + PayloadFields.textSize(peerId) + 4 + tx.length;
        ByteWriter writer = EnvelopeCodec.start(event.type(), event.meta(), payloadLength);
        writer.u8(event.source().ordinal()).i64(event.receivedAtMillis());
        PayloadFields.writeText(writer, peerId);
        writer.i32(tx.length).bytes(tx);
        return EnvelopeCodec.finish(writer, payloadLength);
    }

    public static TransactionSeen decode(byte[] record) throws EventDecodeException {
        OpenedEnvelope envelope = EnvelopeCodec.open(record, Topics.TX, MAX_BYTES);
        try {
            ByteReader payload = envelope.payload();
            Source source = PayloadFields.readEnum(payload, "source", Source.values());
            long receivedAt = payload.u63("received at");
            String peerId = PayloadFields.readText(payload, "peer id", 0, TransactionSeen.MAX_PEER_ID_CHARS);
            if (peerId.isEmpty() == (source == Source.PEER)) {
                throw new EventDecodeException(EventDecodeError.OUT_OF_RANGE, "a peer id is given exactly when the source is PEER");
            }
            TransferTx tx = PayloadFields.readTransfer(payload);
            envelope.end();
            return new TransactionSeen(envelope.meta(), tx, source, receivedAt,
                    peerId.isEmpty() ? Optional.empty() : Optional.of(peerId));
        } catch (DecodeException e) {
            throw new EventDecodeException(e);
        }
    }

    /** The record key: the sender's address. */
    public static byte[] key(TransactionSeen event) {
        return event.sender().policyHash().toArray();
    }
}

package io.numicoin.events.codec;

import io.numicoin.events.EventDecodeException;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.MempoolEvent.Accepted;
import io.numicoin.events.MempoolEvent.RemovalReason;
import io.numicoin.events.MempoolEvent.Removed;
import io.numicoin.events.Topics;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.TransferTx;

/**
 * Records of {@link Topics#MEMPOOL} (schema 1 for both types):
 *
 * <pre>
 * accepted: transaction length u32 (&le; 64 KiB) | transfer | fee rate u64 | tip height u64
 * removed:  txid 32 | sender 32 | reason u8 (RemovalReason ordinal)
 * </pre>
 *
 * The txid of an accepted transfer is not on the wire (it is computed). The key is the sender's
 * address (32 bytes), so one sender's events keep their order.
 */
public final class MempoolEventCodec {

    /** Envelope, a full transaction and room for fields later schema versions append. */
    public static final int MAX_BYTES = EnvelopeCodec.HEADER_SIZE + ProtocolLimits.MAX_TRANSACTION_BYTES + 4 * 1024;

    private MempoolEventCodec() {
    }

    public static byte[] encode(MempoolEvent event) {
        return switch (event) {
            case Accepted accepted -> {
                byte[] tx = PayloadFields.transfer(accepted.tx());
                int payloadLength = 4 + tx.length + 8 + 8;
                ByteWriter writer = EnvelopeCodec.start(event.type(), event.meta(), payloadLength);
                writer.i32(tx.length).bytes(tx).i64(accepted.feeRate()).i64(accepted.tipHeight());
                yield EnvelopeCodec.finish(writer, payloadLength);
            }
            case Removed removed -> {
                int payloadLength = Hash256.SIZE + Hash256.SIZE + 1;
                ByteWriter writer = EnvelopeCodec.start(event.type(), event.meta(), payloadLength);
                writer.hash(removed.txid()).hash(removed.sender().policyHash()).u8(removed.reason().ordinal());
                yield EnvelopeCodec.finish(writer, payloadLength);
            }
        };
    }

    public static MempoolEvent decode(byte[] record) throws EventDecodeException {
        OpenedEnvelope envelope = EnvelopeCodec.open(record, Topics.MEMPOOL, MAX_BYTES);
        try {
            ByteReader payload = envelope.payload();
            MempoolEvent event = switch (envelope.type()) {
                case MEMPOOL_ACCEPTED -> {
                    TransferTx tx = PayloadFields.readTransfer(payload);
                    long feeRate = payload.u63("fee rate");
                    long tipHeight = payload.u63("tip height");
                    yield Accepted.of(envelope.meta(), tx, feeRate, tipHeight);
                }
                case MEMPOOL_REMOVED -> {
                    Hash256 txid = payload.hash("txid");
                    Address sender = new Address(payload.hash("sender"));
                    RemovalReason reason = PayloadFields.readEnum(payload, "removal reason", RemovalReason.values());
                    yield new Removed(envelope.meta(), txid, sender, reason);
                }
                default -> throw new IllegalStateException(envelope.type() + " on " + Topics.MEMPOOL);
            };
            envelope.end();
            return event;
        } catch (DecodeException e) {
            throw new EventDecodeException(e);
        }
    }

    /** The record key: the sender's address. */
    public static byte[] key(MempoolEvent event) {
        return event.sender().policyHash().toArray();
    }
}

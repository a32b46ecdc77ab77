package io.numicoin.events.codec;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.BlockDisconnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.events.EventDecodeError;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.Topics;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.tx.ProtocolLimits;
import java.math.BigInteger;

/**
 * Records of {@link Topics#CHAIN}. Both event types share one payload (schema 1):
 *
 * <pre>
 * work length u8 (1..64) | cumulative work, big-endian, no leading zero | block length u32 (&le; 2 MiB) | block
 * </pre>
 *
 * The work is the tip's after the event ({@link ChainEvent#tipWorkAfter}). Block id and height are
 * not on the wire: they are the block's own. The key is the chain id (4 bytes), so every chain event
 * of a network lands in one partition even if the topic were created with more.
 */
public final class ChainEventCodec {

    /** Envelope, a full block and room for fields later schema versions append. */
    public static final int MAX_BYTES = EnvelopeCodec.HEADER_SIZE + ProtocolLimits.MAX_BLOCK_BYTES + 64 * 1024;

    private ChainEventCodec() {
    }

    /**
     * The record value.
     *
     * @throws IllegalArgumentException if the block is over 2 MiB or cannot be encoded
     */
    public static byte[] encode(ChainEvent event) {
        byte[] work = PayloadFields.work(event.tipWorkAfter());
        byte[] block = PayloadFields.block(event.block());
        int payloadLength = 1 + work.length + 4 + block.length;
        ByteWriter writer = EnvelopeCodec.start(event.type(), event.meta(), payloadLength);
        PayloadFields.writeWork(writer, work);
        writer.i32(block.length).bytes(block);
        return EnvelopeCodec.finish(writer, payloadLength);
    }

    /** Decodes a record value; anything but a well-formed chain event is refused. */
    public static ChainEvent decode(byte[] record) throws EventDecodeException {
        OpenedEnvelope envelope = EnvelopeCodec.open(record, Topics.CHAIN, MAX_BYTES);
        try {
            ByteReader payload = envelope.payload();
            BigInteger work = PayloadFields.readWork(payload);
            Block block = PayloadFields.readBlock(payload);
            envelope.end();
            return switch (envelope.type()) {
                case BLOCK_CONNECTED -> BlockConnected.of(envelope.meta(), work, block);
                case BLOCK_DISCONNECTED -> {
                    if (block.height() < 1) {
                        throw new EventDecodeException(EventDecodeError.OUT_OF_RANGE, "genesis is never disconnected");
                    }
                    yield BlockDisconnected.of(envelope.meta(), work, block);
                }
                default -> throw new IllegalStateException(envelope.type() + " on " + Topics.CHAIN);
            };
        } catch (DecodeException e) {
            throw new EventDecodeException(e);
        }
    }

    /** The record key: the chain id, big-endian. */
    public static byte[] key(ChainEvent event) {
        int chainId = event.meta().chainId();
        return new byte[] {(byte) (chainId >>> 24), (byte) (chainId >>> 16), (byte) (chainId >>> 8), (byte) chainId};
    }
}

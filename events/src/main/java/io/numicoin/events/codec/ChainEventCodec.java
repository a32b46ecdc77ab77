package io.numicoin.events.codec;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.BlockDisconnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.events.EventDecodeError;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.Topics;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.tx.ProtocolLimits;
import java.math.BigInteger;
import java.util.Arrays;

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
        byte[] head = encodeWithoutBlock(event);
        byte[] block = BlockCodec.encode(event.block());
        byte[] record = Arrays.copyOf(head, head.length + block.length);
        System.arraycopy(block, 0, record, head.length, block.length);
        return record;
    }

    /**
     * The record value without its last field, the block's encoding ({@code BlockCodec.encode}):
     * {@link #encode} is these bytes followed by the block's. For a store that already keeps the
     * block's bytes and appends them when it publishes (the node's outbox does), so a 2 MiB block
     * is not copied into every event. The envelope's payload length counts the block.
     *
     * @throws IllegalArgumentException if the block is over 2 MiB
     */
    public static byte[] encodeWithoutBlock(ChainEvent event) {
        int blockLength = BlockCodec.encodedSize(event.block());
        if (blockLength > ProtocolLimits.MAX_BLOCK_BYTES) {
            throw new IllegalArgumentException("block is over " + ProtocolLimits.MAX_BLOCK_BYTES + " bytes");
        }
        byte[] work = PayloadFields.work(event.tipWorkAfter());
        int payloadLength = 1 + work.length + 4 + blockLength;
        ByteWriter writer = EnvelopeCodec.start(event.type(), event.meta(), payloadLength, payloadLength - blockLength);
        PayloadFields.writeWork(writer, work);
        writer.i32(blockLength);
        return EnvelopeCodec.unfinished(writer, payloadLength - blockLength);
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

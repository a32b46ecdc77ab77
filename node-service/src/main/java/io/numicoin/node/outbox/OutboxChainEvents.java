package io.numicoin.node.outbox;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.BlockDisconnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.events.EventMeta;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.node.storage.ChainEventSink;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.time.Clock;

/**
 * The event-source node's {@link ChainEventSink}: each connect or disconnect appends a
 * {@code numi.chain.v1} event to the outbox, in the store's transaction, numbered by the gap-free
 * {@code numi.chain.v1} counter (so a rolled-back change leaves no event and no gap). The row holds
 * the event without its block and names the block's stored body, which the relay appends.
 */
public final class OutboxChainEvents implements ChainEventSink {

    private final JdbcOutboxWriter outbox;
    private final int chainId;
    private final Clock clock;

    public OutboxChainEvents(JdbcOutboxWriter outbox, int chainId, Clock clock) {
        this.outbox = outbox;
        this.chainId = chainId;
        this.clock = clock;
    }

    @Override
    public void connected(Hash256 id, Block block, BigInteger cumulativeWork) {
        append(new BlockConnected(meta(), id, block.height(), cumulativeWork, block));
    }

    @Override
    public void disconnected(Hash256 id, Block block, BigInteger cumulativeWorkAfter) {
        append(new BlockDisconnected(meta(), id, block.height(), cumulativeWorkAfter, block));
    }

    private EventMeta meta() {
        return new EventMeta(chainId, outbox.nextSequence(Topics.CHAIN), clock.millis());
    }

    /** The event without its block, which the same transaction stores in {@code block_body}: the relay appends it. */
    private void append(ChainEvent event) {
        outbox.appendEndingWithBody(Topics.CHAIN, ChainEventCodec.key(event), ChainEventCodec.encodeWithoutBlock(event), event.blockId());
    }
}

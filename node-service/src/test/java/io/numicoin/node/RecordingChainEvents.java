package io.numicoin.node;

import io.numicoin.node.storage.ChainEventSink;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** A {@link ChainEventSink} that remembers what it was told, as "+id" (connected) and "-id" (disconnected). */
public final class RecordingChainEvents implements ChainEventSink {

    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void connected(Hash256 id, Block block, BigInteger cumulativeWork) {
        events.add("+" + id);
    }

    @Override
    public synchronized void disconnected(Hash256 id, Block block, BigInteger cumulativeWorkAfter) {
        events.add("-" + id);
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }
}

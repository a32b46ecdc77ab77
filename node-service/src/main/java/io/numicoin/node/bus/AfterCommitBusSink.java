package io.numicoin.node.bus;

import io.numicoin.node.storage.ChainEventSink;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The chain store's {@link ChainEventSink} plus the live stream: each connect and disconnect goes
 * to the delegate inside the store's transaction (the outbox event), and to the {@link ChainEventBus}
 * after that transaction commits, so the stream never shows a change that was rolled back. Every
 * change reaches it whatever imported the block (API, peers).
 */
public final class AfterCommitBusSink implements ChainEventSink {

    private final ChainEventSink delegate;
    private final ChainEventBus bus;

    public AfterCommitBusSink(ChainEventSink delegate, ChainEventBus bus) {
        this.delegate = delegate;
        this.bus = bus;
    }

    @Override
    public void connected(Hash256 id, Block block, BigInteger cumulativeWork) {
        delegate.connected(id, block, cumulativeWork);
        long height = block.height();
        afterCommit(() -> bus.blockConnected(id, height));
    }

    @Override
    public void disconnected(Hash256 id, Block block, BigInteger cumulativeWorkAfter) {
        delegate.disconnected(id, block, cumulativeWorkAfter);
        long height = block.height();
        afterCommit(() -> bus.blockDisconnected(id, height));
    }

    public ChainEventSink delegate() {
        return delegate;
    }

    private static void afterCommit(Runnable announce) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            announce.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                announce.run();
            }
        });
    }
}

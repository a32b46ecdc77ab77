package io.numicoin.node.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.node.storage.ChainEventSink;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.params.NetworkParams;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class AfterCommitBusSinkTest {

    private final ChainEventBus bus = new ChainEventBus(16, new SimpleMeterRegistry());
    private final AfterCommitBusSink sink = new AfterCommitBusSink(ChainEventSink.NONE, bus);
    private final List<SequencedEvent> seen = new ArrayList<>();
    private final Block genesis = NetworkParams.regtest().genesis();

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aChangeReachesTheStreamOnlyAfterItsTransactionCommits() {
        bus.events().subscribe(seen::add);
        TransactionSynchronizationManager.initSynchronization();
        sink.connected(BlockHeaderCodec.id(genesis.header()), genesis, BigInteger.TWO);
        sink.disconnected(BlockHeaderCodec.id(genesis.header()), genesis, BigInteger.ONE);
        assertThat(seen).isEmpty();

        TransactionSynchronizationUtils.triggerAfterCommit();
        assertThat(seen).extracting(SequencedEvent::event).containsExactly(
                new NodeEvent.BlockConnected(BlockHeaderCodec.id(genesis.header()), 0),
                new NodeEvent.BlockDisconnected(BlockHeaderCodec.id(genesis.header()), 0));
    }

    @Test
    void aRolledBackChangeNeverReachesTheStream() {
        bus.events().subscribe(seen::add);
        TransactionSynchronizationManager.initSynchronization();
        sink.connected(BlockHeaderCodec.id(genesis.header()), genesis, BigInteger.TWO);
        TransactionSynchronizationManager.clearSynchronization();   // rolled back: afterCommit never runs
        assertThat(seen).isEmpty();
    }

    @Test
    void withoutATransactionTheChangeIsAnnouncedAtOnce() {
        bus.events().subscribe(seen::add);
        sink.connected(BlockHeaderCodec.id(genesis.header()), genesis, BigInteger.TWO);
        assertThat(seen).hasSize(1);
    }
}

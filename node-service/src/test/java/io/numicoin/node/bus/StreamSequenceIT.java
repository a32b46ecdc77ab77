package io.numicoin.node.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.node.NodeDatabase;
import io.numicoin.protocol.hash.Hash256;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live stream's sequence in the node's real database: a restarted node continues it; a crash skips ahead, never back. */
class StreamSequenceIT {

    static final NodeDatabase DB = NodeDatabase.create("stream_seq");

    @AfterAll
    static void close() {
        DB.close();
    }

    @BeforeEach
    void fresh() {
        DB.jdbc().update("DELETE FROM outbox_counter WHERE name = ?", StreamSequence.COUNTER);
    }

    @Test
    void aCleanRestartContinuesTheSequenceWithoutAGap() {
        StreamSequence sequence = StreamSequence.stored(DB.jdbc());
        for (int i = 0; i < 5; i++) {
            sequence.next();
        }
        sequence.close();

        StreamSequence restarted = StreamSequence.stored(DB.jdbc());
        assertThat(restarted.last()).isEqualTo(5);
        assertThat(restarted.next()).isEqualTo(6);
    }

    @Test
    void aCrashSkipsPastEveryNumberThatMayHaveBeenHandedOut() {
        StreamSequence crashed = StreamSequence.stored(DB.jdbc());
        long handedOut = 0;
        for (int i = 0; i < StreamSequence.BLOCK + 3; i++) {  // crosses a block boundary
            handedOut = crashed.next();
        }
        // no close(): the process died
        StreamSequence restarted = StreamSequence.stored(DB.jdbc());
        assertThat(restarted.next()).isGreaterThan(handedOut);
    }

    @Test
    void aClientResumingAcrossACleanRestartMissesNothingAndAnOlderIdIsReset() throws Exception {
        StreamSequence sequence = StreamSequence.stored(DB.jdbc());
        ChainEventBus first = bus(sequence);
        first.blockConnected(id(1), 1);
        first.blockConnected(id(2), 2);
        long lastRead = first.lastSequence();
        sequence.close();  // the node's clean shutdown

        ChainEventBus restarted = bus(StreamSequence.stored(DB.jdbc()));
        CompletableFuture<List<SequencedEvent>> upToDate = restarted.resume(OptionalLong.of(lastRead)).orElseThrow()
                .take(1).collectList().toFuture();
        restarted.blockConnected(id(3), 3);
        List<SequencedEvent> next = upToDate.get(5, TimeUnit.SECONDS);
        assertThat(next).extracting(SequencedEvent::seq).containsExactly(lastRead + 1);
        assertThat(next.getFirst().event()).isEqualTo(new NodeEvent.BlockConnected(id(3), 3));

        SequencedEvent told = restarted.resume(OptionalLong.of(lastRead - 1)).orElseThrow().blockFirst(Duration.ofSeconds(5));
        assertThat(told.event()).isEqualTo(new NodeEvent.Reset(lastRead + 1));
    }

    private static ChainEventBus bus(StreamSequence sequence) {
        return new ChainEventBus(16, 16, 4, sequence, new SimpleMeterRegistry());
    }

    private static Hash256 id(int n) {
        byte[] bytes = new byte[32];
        bytes[31] = (byte) n;
        return Hash256.of(bytes);
    }
}

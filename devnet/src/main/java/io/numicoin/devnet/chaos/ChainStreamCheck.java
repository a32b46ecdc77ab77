package io.numicoin.devnet.chaos;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.BlockDisconnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.support.kafka.PartitionReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event source's {@code numi.chain.v1} against its chain: read whole from the beginning, the
 * sequence numbers run 1.. without a gap (a number seen twice, as at-least-once delivery may, must
 * carry the same bytes), and replaying connects and disconnects in sequence order ends on exactly
 * the node's active chain. Also counts the disconnects (blocks reorganised away), the
 * reorganisations (runs of disconnects in a row), and collects the transfers of the disconnected
 * blocks.
 */
final class ChainStreamCheck {

    /**
     * The verdict: {@code problem} empty when the stream agrees.
     *
     * @param reorgs reorganisations: runs of consecutive disconnects
     * @param orphanedTxids the transfers of every disconnected block (txids, hex)
     */
    record Result(boolean agrees, long events, long disconnects, long reorgs, Set<String> orphanedTxids, String problem) {

        Result(boolean agrees, long events, long disconnects, String problem) {
            this(agrees, events, disconnects, 0, Set.of(), problem);
        }
    }

    private ChainStreamCheck() {
    }

    static Result check(String bootstrapServers, List<String> activeIds) {
        Map<Long, byte[]> bySequence = new HashMap<>();
        Map<Long, ChainEvent> events = new HashMap<>();
        try {
            for (byte[] value : consumeAll(bootstrapServers)) {
                ChainEvent event = ChainEventCodec.decode(value);
                byte[] earlier = bySequence.putIfAbsent(event.meta().sequence(), value);
                if (earlier != null && !Arrays.equals(earlier, value)) {
                    return new Result(false, events.size(), 0, "sequence " + event.meta().sequence() + " carries two different events");
                }
                events.put(event.meta().sequence(), event);
            }
        } catch (EventDecodeException e) {
            return new Result(false, events.size(), 0, "an event does not decode: " + e.getMessage());
        }
        long highest = events.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        if (events.size() != highest) {
            return new Result(false, events.size(), 0, "sequence has gaps: " + events.size() + " events up to " + highest);
        }
        List<String> replayed = new ArrayList<>();
        long disconnects = 0;
        long reorgs = 0;
        boolean previousDisconnected = false;
        Set<String> orphaned = new HashSet<>();
        for (long sequence = 1; sequence <= highest; sequence++) {
            ChainEvent event = events.get(sequence);
            if (event instanceof BlockConnected) {
                replayed.add(event.blockId().toHex());
                previousDisconnected = false;
            } else {
                disconnects++;
                if (!previousDisconnected) {
                    reorgs++;
                }
                previousDisconnected = true;
                if (event instanceof BlockDisconnected disconnected) {
                    List<Transaction> txs = disconnected.block().transactions();
                    txs.subList(1, txs.size()).forEach(tx -> orphaned.add(TransactionCodec.txid(tx).toHex()));
                }
                if (replayed.isEmpty() || !replayed.removeLast().equals(event.blockId().toHex())) {
                    return new Result(false, highest, disconnects, "sequence " + sequence + " disconnects " + event.blockId().toHex()
                            + ", which is not the replayed tip");
                }
            }
        }
        String genesis = NetworkParams.regtest().genesisId().toHex();
        if (!replayed.isEmpty() && replayed.getFirst().equals(genesis)) {
            replayed.removeFirst();   // the genesis block, if announced, is height 0: not in the chain read from height 1
        }
        if (!replayed.equals(activeIds)) {
            int at = 0;
            while (at < Math.min(replayed.size(), activeIds.size()) && replayed.get(at).equals(activeIds.get(at))) {
                at++;
            }
            return new Result(false, highest, disconnects, "the replayed chain (" + replayed.size() + " blocks) leaves node1's active chain ("
                    + activeIds.size() + " blocks) at height " + (at + 1));
        }
        return new Result(true, highest, disconnects, reorgs, orphaned, "");
    }

    private static List<byte[]> consumeAll(String bootstrapServers) {
        return PartitionReader.readValues(bootstrapServers, Topics.CHAIN, 0, Duration.ofSeconds(60));
    }
}

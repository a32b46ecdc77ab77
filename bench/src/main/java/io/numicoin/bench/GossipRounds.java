package io.numicoin.bench;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Block gossip latency in two kinds of rounds, interleaved (block 1, 3, 5, ... of one kind, 2, 4, 6,
 * ... of the other, so both see the same machine): in an <em>unseen</em> round the block's transfers
 * are new to every node; in a <em>seen</em> round they are first posted to the origin's transaction
 * API (the submit path: rules, tip check, relay), gossiped, and heard by every receiver before the
 * block comes — as on a live network, where a block's transfers travel ahead of it, and where a
 * receiver then does not verify them again ({@code VerifiedTransfers}). A block's latency is from
 * the origin's commit to its connection on each receiver. Run over loopback by {@link P2pNetworkBench}.
 */
final class GossipRounds {

    /** One kind of round: every (block, receiver) latency in milliseconds, and per receiver. */
    record Latencies(double[] all, double[][] byReceiver) {

        double percentile(double p) {
            return Percentiles.of(all, p);
        }
    }

    /** Both kinds, and what the receivers' block checks did during the seen rounds. */
    record Result(Latencies unseen, Latencies seen, long transfersPassedBefore, long transfersVerified) {
    }

    private static final Duration HEARD_WITHIN = Duration.ofSeconds(60);

    private final BenchNode origin;
    private final List<BenchNode> receivers;
    private final GossipProbe probe;
    private final PrintStream trace;
    private final RuntimeMXBean uptime = ManagementFactory.getRuntimeMXBean();
    private final List<Double> firstHop = new ArrayList<>();

    /** @param traceFile where to write one line per block (uptime at the commit, block, kind, latencies), or null */
    GossipRounds(BenchNode origin, List<BenchNode> receivers, GossipProbe probe, String traceFile) throws IOException {
        this.origin = origin;
        this.receivers = receivers;
        this.probe = probe;
        this.trace = traceFile == null ? null : new PrintStream(traceFile);
    }

    /** Gossips {@code blocks} from the origin in order, odd ones unseen and even ones seen. */
    Result run(List<Block> blocks) throws InterruptedException {
        int seenCount = blocks.size() / 2;
        int unseenCount = blocks.size() - seenCount;
        double[][] unseen = new double[receivers.size()][unseenCount];
        double[][] seen = new double[receivers.size()][seenCount];
        long passedBefore = 0;
        long verified = 0;
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            boolean seenRound = b % 2 == 1;
            if (seenRound) {
                long[] before = counters();
                postAndAwaitHeard(block);
                double[] latencies = gossip(block, b);
                long[] after = counters();
                passedBefore += after[0] - before[0];
                verified += after[1] - before[1];
                store(seen, b / 2, latencies);
            } else {
                store(unseen, b / 2, gossip(block, b));
            }
        }
        if (trace != null) {
            trace.close();
        }
        double[] hop = firstHop.stream().mapToDouble(Double::doubleValue).toArray();
        if (hop.length > 0) {
            System.err.printf("bench p2p: a bare subscriber of %s heard %d of %d blocks: p50 %.1f ms, p99 %.1f ms after the commit%n",
                    origin, hop.length, blocks.size(), Percentiles.of(hop, 0.5), Percentiles.of(hop, 0.99));
        }
        Result result = new Result(latencies(unseen), latencies(seen), passedBefore, verified);
        for (int r = 0; r < receivers.size(); r++) {
            System.err.printf("bench p2p: gossip to %s (%d peers): unseen p50 %.1f ms, p99 %.1f ms; seen p50 %.1f ms, p99 %.1f ms%n",
                    receivers.get(r), receivers.get(r).p2p.connectedPeers().size(),
                    Percentiles.of(unseen[r], 0.5), Percentiles.of(unseen[r], 0.99),
                    Percentiles.of(seen[r], 0.5), Percentiles.of(seen[r], 0.99));
        }
        return result;
    }

    /** Posts the block's transfers to the origin's API and waits until every receiver heard each of them. */
    private void postAndAwaitHeard(Block block) throws InterruptedException {
        List<Hash256> txids = new ArrayList<>();
        for (Transaction tx : block.transactions()) {
            if (tx instanceof TransferTx transfer) {
                origin.submitter.submit(TransactionCodec.encode(transfer)).block(Duration.ofSeconds(30));
                txids.add(TransactionCodec.txid(transfer));
            }
        }
        long start = System.nanoTime();
        for (BenchNode receiver : receivers) {
            for (Hash256 txid : txids) {
                while (!receiver.relay.alreadyHeard(txid)) {
                    if (System.nanoTime() - start > HEARD_WITHIN.toNanos()) {
                        throw new IllegalStateException(receiver + " did not hear transfer " + txid + " of block "
                                + block.height() + " within " + HEARD_WITHIN);
                    }
                    Thread.sleep(1);
                }
            }
        }
    }

    /** Submits the block on the origin and waits until it connected on every receiver: ms per receiver. */
    private double[] gossip(Block block, int number) throws InterruptedException {
        Hash256 id = BlockHeaderCodec.id(block.header());
        BlockImportResult result = origin.chain.submitBlock(block);
        long committed = System.nanoTime();
        if (result.outcome() != BlockImportResult.Outcome.CONNECTED) {
            throw new IllegalStateException("gossip block not connected on " + origin + ": " + result);
        }
        double[] latencies = new double[receivers.size()];
        for (int r = 0; r < receivers.size(); r++) {
            BenchNode receiver = receivers.get(r);
            Long at;
            while ((at = receiver.connectedAt(id)) == null) {
                if (System.nanoTime() - committed > 60_000_000_000L) {
                    throw new IllegalStateException(receiver + " did not get block " + block.height() + " within 60 s");
                }
                Thread.sleep(1);
            }
            latencies[r] = Math.max(0, at - committed) / 1e6;
        }
        if (trace != null) {
            StringBuilder line = new StringBuilder()
                    .append(uptime.getUptime() - (System.nanoTime() - committed) / 1_000_000).append(' ').append(number)
                    .append(number % 2 == 1 ? " seen" : " unseen");
            for (double latency : latencies) {
                line.append(String.format(" %.1f", latency));
            }
            trace.println(line);
        }
        double slowest = Arrays.stream(latencies).max().orElse(0);
        if (slowest > 1_000) {
            System.err.printf("bench p2p: gossip block %d took %.0f ms to reach every node%n", number + 1, slowest);
        }
        Long heard = probe.heardAt(BlockCodec.encode(block));
        if (heard != null) {
            firstHop.add(Math.max(0, heard - committed) / 1e6);
        }
        return latencies;
    }

    /** Over all receivers: transfers their block checks took as passed before, and those they verified. */
    private long[] counters() {
        long passed = 0;
        long verified = 0;
        for (BenchNode receiver : receivers) {
            passed += receiver.chain.transfersPassedBefore();
            verified += receiver.chain.transfersVerified();
        }
        return new long[] {passed, verified};
    }

    private static void store(double[][] byReceiver, int round, double[] latencies) {
        for (int r = 0; r < latencies.length; r++) {
            byReceiver[r][round] = latencies[r];
        }
    }

    private static Latencies latencies(double[][] byReceiver) {
        double[] all = Arrays.stream(byReceiver).flatMapToDouble(Arrays::stream).toArray();
        return new Latencies(all, byReceiver);
    }
}

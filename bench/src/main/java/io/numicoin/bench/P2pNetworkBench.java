package io.numicoin.bench;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Five real nodes (node-service Spring contexts, one PostgreSQL database each, libp2p over
 * loopback) on one regtest chain of signed transfers ({@link TransferChain}, stamped 1 s apart so
 * the tip is not beyond the future limit of a node on the real clock). Node a imports the chain
 * locally through {@code NodeChainService.submitBlock}, one block after another (the local import
 * rate); b syncs it from a (one peer), c from a and b, d from a, b and c (three peers), e from d.
 * A sync rate is the measured blocks over the time from the first dial until the tip is reached:
 * headers, the funding blocks before the measured range and the body download are all inside it.
 * Then {@code numi.bench.p2p.gossip} (200) further blocks are submitted on a one at a time; each
 * one's latency is from a's commit to the moment it connects on each of the four others.
 * Sizes: {@code -Dnumi.bench.p2p.blocks} (5,000) of {@code -Dnumi.bench.p2p.tx} (20) transfers.
 * {@code -Dnumi.bench.p2p.gossip-trace=FILE} writes one line per gossiped block: the JVM's uptime in ms
 * at a's commit (to set beside {@code -Xlog:gc:...:uptimemillis}), the block's number and its four
 * latencies. The suite runs on G1, the node's collector ({@link SuiteCollector}).
 */
final class P2pNetworkBench implements BenchPart {

    private static final long SPACING_SECONDS = 1;

    @Override
    public String name() {
        return "p2p sync and gossip";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        int blocks = Integer.getInteger("numi.bench.p2p.blocks", 5_000);
        int txPerBlock = Integer.getInteger("numi.bench.p2p.tx", 20);
        int gossipBlocks = Integer.getInteger("numi.bench.p2p.gossip", 200);
        TransferChain.Cached chain = buildChain(blocks + gossipBlocks, txPerBlock);
        List<Block> setup = chain.setup();
        List<Block> all = new ArrayList<>(blocks + gossipBlocks);
        chain.measured(blocks + gossipBlocks).forEachRemaining(all::add);
        List<Block> measured = all.subList(0, blocks);
        List<Block> gossiped = List.copyOf(all.subList(blocks, blocks + gossipBlocks));
        long target = measured.getLast().height();

        List<BenchNode> nodes = new ArrayList<>();
        try {
            BenchNode a = started(nodes, "a");
            importAll(a, setup);
            long start = System.nanoTime();
            importAll(a, measured);
            double localSeconds = (System.nanoTime() - start) / 1e9;
            double local = blocks / localSeconds;
            System.err.printf("bench p2p: a imported %d blocks locally in %.1f s%n", blocks, localSeconds);

            BenchNode b = started(nodes, "b");
            double onePeer = blocks / syncSeconds(b, target, a);
            BenchNode c = started(nodes, "c");
            double twoPeers = blocks / syncSeconds(c, target, a, b);
            BenchNode d = started(nodes, "d");
            double threePeers = blocks / syncSeconds(d, target, a, b, c);
            BenchNode e = started(nodes, "e");
            syncSeconds(e, target, d);
            setup = null;
            measured = null;
            chain = null;

            out.report("p2p.sync.blocks", blocks, "blocks");
            out.report("p2p.sync.tx_per_block", txPerBlock, "tx");
            out.report("p2p.local_import.blocks_per_s", local, "per_s");
            out.report("p2p.local_import.tx_per_s", local * txPerBlock, "per_s");
            out.report("p2p.sync.one_peer.blocks_per_s", onePeer, "per_s");
            out.report("p2p.sync.one_peer.tx_per_s", onePeer * txPerBlock, "per_s");
            out.report("p2p.sync.two_peers.blocks_per_s", twoPeers, "per_s");
            out.report("p2p.sync.three_peers.blocks_per_s", threePeers, "per_s");
            out.report("p2p.sync.three_peers.tx_per_s", threePeers * txPerBlock, "per_s");
            out.report("p2p.sync.one_peer.over_local_import", onePeer / local, "ratio");
            out.report("p2p.sync.three_peers.over_local_import", threePeers / local, "ratio");
            // the named figure: the better of one and three peers
            out.report("p2p.sync.over_local_import", Math.max(onePeer, threePeers) / local, "ratio");

            System.gc();  // the synced chain's blocks are garbage now: collect them before measuring latency
            Thread.sleep(3_000);  // a few gossipsub heartbeats: the meshes form
            GossipProbe probe = GossipProbe.dial(a);
            double[] latencies = gossipLatencies(a, List.of(b, c, d, e), gossiped, probe);
            probe.close();
            out.report("p2p.gossip.nodes", nodes.size(), "nodes");
            out.report("p2p.gossip.samples", latencies.length, "samples");
            out.report("p2p.gossip.p50_ms", percentile(latencies, 0.50), "ms");
            out.report("p2p.gossip.p99_ms", percentile(latencies, 0.99), "ms");
            // The five nodes share the machine's cores with whatever else runs: say how busy it was.
            out.report("p2p.machine.cores", Runtime.getRuntime().availableProcessors(), "cores");
            out.report("p2p.machine.load_average_1m",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), "load");
        } finally {
            for (BenchNode node : nodes.reversed()) {
                node.close();
            }
        }
    }

    private static TransferChain.Cached buildChain(int blocks, int txPerBlock) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        Path cache = Path.of("bench", "target", "p2p-chain-" + blocks + "x" + txPerBlock + "-s" + SPACING_SECONDS + ".bin");
        try {
            TransferChain.Cached chain = TransferChain.cached(cache, blocks, txPerBlock, 400, SPACING_SECONDS, pool);
            System.err.printf("bench p2p: %d + %d blocks ready in %.1f s (cached in %s)%n", chain.setup().size(), blocks,
                    (System.nanoTime() - start) / 1e9, cache);
            return chain;
        } finally {
            pool.shutdownNow();
        }
    }

    private static BenchNode started(List<BenchNode> nodes, String name) {
        BenchNode node = BenchNode.start(name);
        nodes.add(node);
        return node;
    }

    private static void importAll(BenchNode node, List<Block> blocks) {
        for (Block block : blocks) {
            BlockImportResult result = node.chain.submitBlock(block);
            if (result.outcome() != BlockImportResult.Outcome.CONNECTED) {
                throw new IllegalStateException("block at height " + block.height() + " not connected on " + node + ": " + result);
            }
        }
    }

    /** Dials {@code peers} and waits (polling every 20 ms) until {@code node} reaches {@code height}. */
    private static double syncSeconds(BenchNode node, long height, BenchNode... peers) throws InterruptedException {
        long start = System.nanoTime();
        for (BenchNode peer : peers) {
            node.dial(peer);
        }
        long lastReport = start;
        while (node.height() < height) {
            Thread.sleep(20);
            long now = System.nanoTime();
            if (now - lastReport > 10_000_000_000L) {
                lastReport = now;
                System.err.printf("bench p2p: %s at %d of %d%n", node, node.height(), height);
            }
            if (now - start > 1_800_000_000_000L) {
                throw new IllegalStateException(node + " did not sync within 30 min (at " + node.height() + ")");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("bench p2p: %s synced %d blocks from %s in %.1f s%n", node, height, Arrays.toString(peers), seconds);
        return seconds;
    }

    /** Submits each block on {@code origin} and waits until it connected on every receiver; milliseconds per (block, receiver). */
    private static double[] gossipLatencies(BenchNode origin, List<BenchNode> receivers, List<Block> blocks, GossipProbe probe)
            throws InterruptedException, IOException {
        List<Double> firstHop = new ArrayList<>();
        String traceFile = System.getProperty("numi.bench.p2p.gossip-trace");
        PrintStream trace = traceFile == null ? null : new PrintStream(traceFile);
        RuntimeMXBean uptime = ManagementFactory.getRuntimeMXBean();
        double[] latencies = new double[blocks.size() * receivers.size()];
        double[][] byReceiver = new double[receivers.size()][blocks.size()];
        int n = 0;
        int b = 0;
        for (Block block : blocks) {
            Hash256 id = BlockHeaderCodec.id(block.header());
            BlockImportResult result = origin.chain.submitBlock(block);
            long committed = System.nanoTime();
            if (result.outcome() != BlockImportResult.Outcome.CONNECTED) {
                throw new IllegalStateException("gossip block not connected on " + origin + ": " + result);
            }
            long[] probeAt = new long[1];
            for (int r = 0; r < receivers.size(); r++) {
                BenchNode receiver = receivers.get(r);
                Long at;
                while ((at = receiver.connectedAt(id)) == null) {
                    if (System.nanoTime() - committed > 60_000_000_000L) {
                        throw new IllegalStateException(receiver + " did not get block " + block.height() + " within 60 s");
                    }
                    Thread.sleep(1);
                }
                latencies[n++] = Math.max(0, at - committed) / 1e6;
                byReceiver[r][b] = latencies[n - 1];
            }
            double slowest = 0;
            for (int r = 0; r < receivers.size(); r++) {
                slowest = Math.max(slowest, byReceiver[r][b]);
            }
            if (trace != null) {
                trace.printf("%d %d %.1f %.1f %.1f %.1f%n", uptime.getUptime() - (System.nanoTime() - committed) / 1_000_000, b,
                        byReceiver[0][b], byReceiver[1][b], byReceiver[2][b], byReceiver[3][b]);
            }
            if (slowest > 1_000) {
                System.err.printf("bench p2p: gossip block %d of %d took %.0f ms to reach every node%n", b + 1, blocks.size(), slowest);
            }
            Long heard = probe.heardAt(BlockCodec.encode(block));
            if (heard != null) {
                firstHop.add(Math.max(0, heard - committed) / 1e6);
            }
            b++;
        }
        if (trace != null) {
            trace.close();
        }
        double[] hop = firstHop.stream().mapToDouble(Double::doubleValue).toArray();
        if (hop.length > 0) {
            System.err.printf("bench p2p: a bare subscriber of a heard %d of %d blocks: p50 %.1f ms, p99 %.1f ms after a's commit%n",
                    hop.length, blocks.size(), percentile(hop, 0.5), percentile(hop, 0.99));
        }
        for (int r = 0; r < receivers.size(); r++) {
            System.err.printf("bench p2p: gossip to %s (%d peers): p50 %.1f ms, p99 %.1f ms%n", receivers.get(r),
                    receivers.get(r).p2p.connectedPeers().size(), percentile(byReceiver[r], 0.5), percentile(byReceiver[r], 0.99));
        }
        return latencies;
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}

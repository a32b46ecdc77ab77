package io.numicoin.bench;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import java.lang.management.ManagementFactory;
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
 * Then {@code numi.bench.p2p.gossip} (400) further blocks are submitted on a one at a time; each
 * one's latency is from a's commit to the moment it connects on each of the four others. Half of
 * them (interleaved, {@link GossipRounds}) come after their transfers were posted to a's API and
 * heard by every node: {@code p2p.gossip.seen_txs.*}; the named {@code p2p.gossip.*} figures are
 * the other half, blocks whose transfers no node had seen.
 * Sizes: {@code -Dnumi.bench.p2p.blocks} (5,000) of {@code -Dnumi.bench.p2p.tx} (20) transfers.
 * {@code -Dnumi.bench.p2p.gossip-trace=FILE} writes one line per gossiped block: the JVM's uptime in ms
 * at a's commit (to set beside {@code -Xlog:gc:...:uptimemillis}), the block's number, its kind and its
 * four latencies. The suite runs on generational ZGC, the node's collector ({@link SuiteCollector}).
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
        int gossipBlocks = Integer.getInteger("numi.bench.p2p.gossip", 400);
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
            GossipRounds.Result gossip = new GossipRounds(a, List.of(b, c, d, e), probe,
                    System.getProperty("numi.bench.p2p.gossip-trace")).run(gossiped);
            probe.close();
            out.report("p2p.gossip.nodes", nodes.size(), "nodes");
            // the named figures: blocks whose transfers no node had seen
            out.report("p2p.gossip.samples", gossip.unseen().all().length, "samples");
            out.report("p2p.gossip.p50_ms", gossip.unseen().percentile(0.50), "ms");
            out.report("p2p.gossip.p99_ms", gossip.unseen().percentile(0.99), "ms");
            // blocks whose transfers every node had heard first (a live network), interleaved with those
            out.report("p2p.gossip.seen_txs.samples", gossip.seen().all().length, "samples");
            out.report("p2p.gossip.seen_txs.p50_ms", gossip.seen().percentile(0.50), "ms");
            out.report("p2p.gossip.seen_txs.p99_ms", gossip.seen().percentile(0.99), "ms");
            out.report("p2p.gossip.seen_txs.transfers_passed_before", gossip.transfersPassedBefore(), "transfers");
            out.report("p2p.gossip.seen_txs.transfers_verified", gossip.transfersVerified(), "transfers");
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
        // relay policy, not consensus: the cached chain pays 100 units a transfer, under the default
        // minimum relay fee rate, and the seen gossip rounds post its transfers to the API
        BenchNode node = BenchNode.start(name, "--numi.relay.min-fee-rate=0");
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
}

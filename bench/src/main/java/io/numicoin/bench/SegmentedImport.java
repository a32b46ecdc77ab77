package io.numicoin.bench;

import io.numicoin.node.chain.BlockImportPipeline;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * An import measured against the signature limit the way every node-suite figure is: the blocks in
 * segments, interleaved with windows of {@link SignatureLimit} ({@link InterleavedRatio}): a first
 * segment and window as the shared warm-up (the JIT compiles the import's own code there: the setup
 * blocks carry few transfers), then the order alternating; only the measured segments count as
 * import time. Also the CPU they spent: this JVM's and that of the given PostgreSQL backends (none:
 * no database).
 */
final class SegmentedImport {

    /** Imports up to {@code count} blocks of {@code feed}; how many there were. */
    @FunctionalInterface
    interface Segment {
        int importBlocks(Iterator<Block> feed, int count) throws Exception;
    }

    /**
     * Blocks imported in the measured segments, wall seconds importing them, CPU spent (PostgreSQL: -1 when
     * unreadable or none), and the limit between segments.
     */
    record Measured(int blocks, double seconds, long jvmCpuNanos, long postgresCpuNanos, InterleavedRatio.Result ratio,
            double limitCpuNanosPerVerification) {

        /** The import's transactions per second over the limit's verifications per second: median, min, max. */
        void report(FigureSink out, String prefix, int txPerBlock) {
            out.report(prefix + ".blocks", blocks, "blocks");
            out.report(prefix + ".blocks_per_s", blocks / seconds, "per_s");
            out.report(prefix + ".tx_per_s", (double) blocks * txPerBlock / seconds, "per_s");
            out.report(prefix + ".sig_verify_all_cores_per_s", ratio.medianB(), "per_s");
            ratio.report(out, prefix + ".over_sig_limit");
            // CPU per block, which other load on the machine does not inflate: what the ratio would be
            // if the import kept every core busy with nothing else running.
            double jvmMs = jvmCpuNanos / 1e6 / blocks;
            double sigCpuMs = txPerBlock * limitCpuNanosPerVerification / 1e6;
            out.report(prefix + ".jvm_cpu_ms_per_block", jvmMs, "ms");
            out.report(prefix + ".sig_limit_cpu_ms_per_block", sigCpuMs, "ms");
            double pgMs = postgresCpuNanos < 0 ? 0 : postgresCpuNanos / 1e6 / blocks;
            if (postgresCpuNanos >= 0) {
                out.report(prefix + ".postgres_cpu_ms_per_block", pgMs, "ms");
            }
            out.report(prefix + ".over_sig_limit_cpu", sigCpuMs / (jvmMs + pgMs), "ratio");
        }
    }

    private SegmentedImport() {
    }

    /** Measured segments when {@code blocks} are imported in segments of {@code segment}, the first one warming up. */
    static int measuredRounds(int blocks, int segment) {
        int rounds = (blocks + segment - 1) / segment - 1;
        if (rounds < 1) {
            throw new IllegalArgumentException(blocks + " blocks make no measured segment of " + segment + " after the warm-up one");
        }
        return rounds;
    }

    /**
     * Imports the first {@code segment} blocks of {@code feed} as the warm-up, then the rest in {@code rounds}
     * segments, each followed or preceded by a window of {@code signatures}; {@code postgres} are the
     * database backends whose CPU counts (empty: none, or unreadable).
     */
    static Measured measure(Segment importer, Iterator<Block> feed, int segment, int rounds, int txPerBlock,
            SignatureLimit signatures, List<Integer> postgres) throws Exception {
        List<SignatureVerifyRate.AllCores> limits = new ArrayList<>();
        long[] totals = {0, 0, postgres.isEmpty() ? -1 : 0, 0};  // wall, JVM CPU, PostgreSQL CPU (-1: none or unreadable), blocks
        InterleavedRatio.Rate importRate = round -> {
            if (round == 0) {
                importer.importBlocks(feed, segment);  // warm-up: not measured
                return 1;
            }
            OptionalLong pgStart = CpuClock.processesNanos(postgres);
            long cpuStart = CpuClock.processNanos();
            long start = System.nanoTime();
            int imported = importer.importBlocks(feed, segment);
            long elapsed = System.nanoTime() - start;
            totals[3] += imported;
            totals[0] += elapsed;
            totals[1] += CpuClock.processNanos() - cpuStart;
            OptionalLong pgEnd = CpuClock.processesNanos(postgres);
            totals[2] = totals[2] < 0 || pgStart.isEmpty() || pgEnd.isEmpty() ? -1 : totals[2] + pgEnd.getAsLong() - pgStart.getAsLong();
            return (double) imported * txPerBlock / (elapsed / 1e9);
        };
        InterleavedRatio.Rate limitRate = round -> {
            SignatureVerifyRate.AllCores window = signatures.window();
            limits.add(window);
            return window.perSecond();
        };
        InterleavedRatio.Result ratio = InterleavedRatio.measure(1, rounds, importRate, limitRate);
        if (feed.hasNext()) {
            throw new IllegalStateException("blocks left after " + (rounds + 1) + " segments");
        }
        double limitCpu = limits.stream().mapToDouble(SignatureVerifyRate.AllCores::cpuNanosPerVerification).average().orElseThrow();
        System.err.printf("bench node: the limit over %d windows: %.0f..%.0f /s%n", limits.size(),
                limits.stream().mapToDouble(SignatureVerifyRate.AllCores::perSecond).min().orElseThrow(),
                limits.stream().mapToDouble(SignatureVerifyRate.AllCores::perSecond).max().orElseThrow());
        return new Measured((int) totals[3], totals[0] / 1e9, totals[1], totals[2], ratio, limitCpu);
    }

    /**
     * Up to {@code count} blocks through {@code pipeline} (the next blocks' signatures checked while one is
     * imported), all awaited; how many there were.
     */
    static int pipelined(BlockImportPipeline pipeline, Iterator<Block> blocks, int count) throws Exception {
        record Submitted(Block block, CompletableFuture<BlockImportResult> result) {
        }
        Deque<Submitted> waiting = new ArrayDeque<>();
        int submitted = 0;
        for (; submitted < count && blocks.hasNext(); submitted++) {
            Block block = blocks.next();
            waiting.add(new Submitted(block, pipeline.submit(block)));
            while (!waiting.isEmpty() && waiting.peek().result().isDone()) {
                Submitted done = waiting.poll();
                requireConnected(done.block(), done.result().get());
            }
        }
        for (Submitted rest : waiting) {
            requireConnected(rest.block(), rest.result().get());
        }
        return submitted;
    }

    static void requireConnected(Block block, BlockImportResult result) {
        if (result.outcome() != BlockImportResult.Outcome.CONNECTED) {
            throw new IllegalStateException("benchmark block at height " + block.height() + " not connected: " + result);
        }
    }
}

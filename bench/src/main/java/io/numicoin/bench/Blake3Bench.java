package io.numicoin.bench;

import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.HashDomain;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.params.Blake3Parameters;

/**
 * The protocol's own BLAKE3 against Bouncy Castle's {@code Blake3Digest} used the way the protocol
 * used it before (a new digest and context key per call) on the two shapes that matter: a merkle
 * leaf of a ~5.3 KB transfer encoding (32-byte hash) and a MuHash3072 element expansion (64-byte
 * input, 384-byte XOF). Rates are per second of the measuring thread's CPU time (one core), so
 * other load on a shared machine mostly drops out; after a warm-up of each, windows of the two
 * alternate ({@link InterleavedRatio}), and each figure is the median over the windows (each ratio
 * the median of the per-pair ratios, with min and max). Then a block's 390 merkle leaves hashed
 * together ({@link Blake3#hashEach}, chunks in vector lanes) against one leaf at a time. About 35 s.
 */
final class Blake3Bench implements BenchPart {

    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long WINDOW_NANOS = 500_000_000L;
    private static final int WINDOWS = 7;
    private static final int LEAF_BYTES = 5_300;
    private static final int ELEMENT_BYTES = 64;
    private static final int XOF_BYTES = 384;
    private static final int BLOCK_LEAVES = 390;
    private static final int BLOCK_LEAF_BYTES = 5_412;

    @Override
    public String name() {
        return "BLAKE3 (own vs Bouncy Castle)";
    }

    @Override
    public void run(FigureSink out) {
        Random random = new Random(1);
        byte[][] leaves = new byte[16][LEAF_BYTES];
        byte[][] elements = new byte[16][ELEMENT_BYTES];
        for (int i = 0; i < 16; i++) {
            random.nextBytes(leaves[i]);
            random.nextBytes(elements[i]);
        }
        byte[] leafContext = HashDomain.MERKLE_LEAF.context().getBytes(StandardCharsets.US_ASCII);
        byte[] elementContext = HashDomain.STATE_ELEMENT.context().getBytes(StandardCharsets.US_ASCII);

        Pair leaf = compare(
                i -> Blake3.hash(HashDomain.MERKLE_LEAF, leaves[i & 15]).bytes().get(0),
                i -> bouncyCastle(leafContext, 32, leaves[i & 15])[0]);
        out.report("protocol.blake3.hash_5kb.own", leaf.own * LEAF_BYTES / 1e6, "MB/s");
        out.report("protocol.blake3.hash_5kb.bouncycastle", leaf.bouncyCastle * LEAF_BYTES / 1e6, "MB/s");
        out.report("protocol.blake3.hash_5kb.own_hashes", leaf.own, "per_s");
        leaf.ratios.report(out, "protocol.blake3.hash_5kb.over_bouncycastle");

        Pair element = compare(
                i -> Blake3.xof(HashDomain.STATE_ELEMENT, XOF_BYTES, elements[i & 15])[0],
                i -> bouncyCastle(elementContext, XOF_BYTES, elements[i & 15])[0]);
        out.report("protocol.blake3.xof384_short.own", element.own, "per_s");
        out.report("protocol.blake3.xof384_short.bouncycastle", element.bouncyCastle, "per_s");
        element.ratios.report(out, "protocol.blake3.xof384_short.over_bouncycastle");

        // A full block's merkle leaves (390 transfers of ~5.4 KB) hashed together (Blake3.hashEach: chunks in
        // vector lanes) against one leaf at a time, both the protocol's own BLAKE3.
        List<byte[]> block = new ArrayList<>(BLOCK_LEAVES);
        for (int i = 0; i < BLOCK_LEAVES; i++) {
            byte[] leafBytes = new byte[BLOCK_LEAF_BYTES];
            random.nextBytes(leafBytes);
            block.add(leafBytes);
        }
        Pair leaves390 = compare(
                i -> Blake3.hashEach(HashDomain.MERKLE_LEAF, block).get(i % BLOCK_LEAVES).bytes().get(0),
                i -> {
                    int first = 0;
                    for (int j = 0; j < BLOCK_LEAVES; j++) {
                        first ^= Blake3.hash(HashDomain.MERKLE_LEAF, block.get(j)).bytes().get(0);
                    }
                    return first;
                });
        out.report("protocol.blake3.block_leaves.each", leaves390.own * BLOCK_LEAVES * BLOCK_LEAF_BYTES / 1e6, "MB/s");
        out.report("protocol.blake3.block_leaves.one_at_a_time", leaves390.bouncyCastle * BLOCK_LEAVES * BLOCK_LEAF_BYTES / 1e6, "MB/s");
        leaves390.ratios.report(out, "protocol.blake3.block_leaves.each_over_one_at_a_time");
        System.err.println("bench: Blake3.hashEach compresses " + Blake3.laneKernel());
    }

    private static byte[] bouncyCastle(byte[] context, int length, byte[] data) {
        Blake3Digest digest = new Blake3Digest(256);
        digest.init(Blake3Parameters.context(context));
        digest.update(data, 0, data.length);
        byte[] result = new byte[length];
        digest.doFinal(result, 0, length);
        return result;
    }

    private record Pair(double own, double bouncyCastle, InterleavedRatio.Result ratios) {
    }

    private static Pair compare(IntUnaryOperator own, IntUnaryOperator bouncyCastle) {
        ThreadCpuRate.of(own, WARM_UP_NANOS);
        ThreadCpuRate.of(bouncyCastle, WARM_UP_NANOS);
        InterleavedRatio.Result ratios;
        try {
            ratios = InterleavedRatio.measure(0, WINDOWS, round -> ThreadCpuRate.of(own, WINDOW_NANOS), round -> ThreadCpuRate.of(bouncyCastle, WINDOW_NANOS));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Pair(ratios.medianA(), ratios.medianB(), ratios);
    }
}

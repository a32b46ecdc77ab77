package io.numicoin.bench;

import io.numicoin.node.p2p.sync.HeaderPowVerifier;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.Argon2Kernel;
import io.numicoin.protocol.pow.Argon2idProvider;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.support.argon2.Argon2Mode;
import io.numicoin.support.argon2.Argon2idProviders;
import io.numicoin.support.argon2.NativeArgon2;
import io.numicoin.support.argon2.NativeArgon2idProvider;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code p2p.headers_1m_pow_minutes}: the minutes headers-first sync would spend checking the
 * proof of work of 1,000,000 mainnet headers, <b>extrapolated</b> from {@code numi.bench.p2p.pow_headers}
 * (4,000) headers checked by the node's {@link HeaderPowVerifier} (one thread per core, batches of
 * 2,000, the node's Argon2id choice: the pure-Java vector kernel where it runs, else libargon2 when
 * present). The alternatives the node did not choose ({@code .java_scalar}, {@code .libargon2}) are
 * measured in the same rounds: after a shared warm-up ({@value #WARM_UP} headers each, so C2 has
 * compiled every kernel), {@value #ROUNDS} rounds of a quarter of the headers each, every round in
 * another order; each figure is the median of its rounds, and {@code p2p.headers_1m_pow.over_<alt>}
 * the median (with min and max) of the per-round rate ratios of the choice over each alternative.
 * The headers carry the easiest target (about one in 65,536 fails; the check goes on past it), so
 * every one costs a full Argon2id at mainnet cost, as real headers do. Also the figures from the
 * JVM's CPU time ({@code _cpu_minutes}: what 2 otherwise idle cores would take).
 */
final class HeaderPowBench implements BenchPart {

    private static final int BATCH = 2_000;
    private static final int WARM_UP = 1_000;
    private static final int ROUNDS = 4;

    @Override
    public String name() {
        return "header proof of work (1M headers, extrapolated)";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        int perRound = Math.max(1, Integer.getInteger("numi.bench.p2p.pow_headers", 4_000) / ROUNDS);
        int cores = Runtime.getRuntime().availableProcessors();
        Argon2idProvider chosen = Argon2idProviders.choose(Argon2Mode.AUTO, "bench");
        Map<String, Argon2idProvider> providers = new LinkedHashMap<>();
        providers.put("p2p.headers_1m_pow", chosen);
        if (chosen.name().equals("java") && Argon2Kernel.fastest() != Argon2Kernel.SCALAR) {
            providers.put("p2p.headers_1m_pow.java_scalar", Argon2idProvider.java(Argon2Kernel.SCALAR));
        }
        if (!chosen.name().equals("native")) {
            NativeArgon2.loadIfPresent().ifPresent(library -> providers.put("p2p.headers_1m_pow.libargon2", new NativeArgon2idProvider(library)));
        }
        List<String> names = List.copyOf(providers.keySet());
        List<HeaderPowVerifier> verifiers = new ArrayList<>();
        try {
            for (Argon2idProvider provider : providers.values()) {
                verifiers.add(new HeaderPowVerifier(PowParams.MAINNET, cores, provider));
            }
            List<BlockHeader> warmUp = headers(WARM_UP);
            for (HeaderPowVerifier verifier : verifiers) {
                check(verifier, warmUp);
            }
            List<BlockHeader> headers = headers(perRound);
            double[][] wall = new double[names.size()][ROUNDS];
            double[][] cpu = new double[names.size()][ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                for (int k = 0; k < names.size(); k++) {
                    int p = (round + k) % names.size();  // each round starts with another provider
                    long cpuStart = CpuClock.processNanos();
                    long start = System.nanoTime();
                    check(verifiers.get(p), headers);
                    wall[p][round] = (System.nanoTime() - start) / 1e9;
                    cpu[p][round] = (CpuClock.processNanos() - cpuStart) / 1e9;
                }
            }
            for (int p = 0; p < names.size(); p++) {
                double seconds = Percentiles.median(wall[p]);
                out.report(names.get(p) + "_minutes", 1_000_000 * seconds / perRound / 60, "min");
                out.report(names.get(p) + "_cpu_minutes", 1_000_000 * Percentiles.median(cpu[p]) / perRound / cores / 60, "min");
                out.report(names.get(p) + ".per_s", perRound / seconds, "per_s");
            }
            for (int p = 1; p < names.size(); p++) {
                double[] ratios = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    ratios[round] = wall[p][round] / wall[0][round];  // the choice's rate over the alternative's
                }
                String name = "p2p.headers_1m_pow.over_" + names.get(p).substring("p2p.headers_1m_pow.".length());
                out.report(name, Percentiles.median(ratios), "ratio");
                out.report(name + ".min", Arrays.stream(ratios).min().orElseThrow(), "ratio");
                out.report(name + ".max", Arrays.stream(ratios).max().orElseThrow(), "ratio");
            }
        } finally {
            verifiers.forEach(HeaderPowVerifier::close);
        }
        out.report("p2p.headers_1m_pow.measured_headers", (double) perRound * ROUNDS, "headers");
        out.report("p2p.headers_1m_pow.native", chosen.name().equals("native") ? 1 : 0, "bool");
        out.report("p2p.headers_1m_pow.vector", chosen == Argon2idProvider.JAVA && Argon2Kernel.fastest() == Argon2Kernel.VECTOR_256 ? 1 : 0, "bool");
    }

    /** Checks every header (in batches, as sync does), going on past the rare one above its easy target. */
    private static void check(HeaderPowVerifier verifier, List<BlockHeader> headers) throws InterruptedException {
        for (int from = 0; from < headers.size(); from += BATCH) {
            List<BlockHeader> batch = headers.subList(from, Math.min(headers.size(), from + BATCH));
            while (!batch.isEmpty()) {
                OptionalInt failure = verifier.firstFailure(batch, batch.stream().map(BlockHeader::target).toList());
                if (failure.isEmpty()) {
                    break;
                }
                batch = batch.subList(failure.getAsInt() + 1, batch.size());
            }
        }
    }

    private static List<BlockHeader> headers(int count) {
        CompactTarget easy = CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
        Hash256 filler = Hash256.fromHex("6b".repeat(32));
        List<BlockHeader> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            headers.add(new BlockHeader(BlockHeader.CURRENT_VERSION, 1 + i, filler, filler, filler,
                    1_700_000_000L + i, easy, System.nanoTime()));
        }
        return headers;
    }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code p2p.headers_1m_pow_minutes}: the minutes headers-first sync would spend checking the
 * proof of work of 1,000,000 mainnet headers, <b>extrapolated</b> from {@code numi.bench.p2p.pow_headers}
 * (4,000) headers checked by the node's {@link HeaderPowVerifier} (one thread per core, batches of
 * 2,000, the node's Argon2id choice: the pure-Java vector kernel where it runs, else libargon2 when
 * present) after a warm-up of 500. The headers carry the easiest target (about one in 65,536 fails;
 * the check goes on past it), so every one costs a full Argon2id at mainnet cost, as real headers do.
 * Also the figure from the JVM's CPU time ({@code _cpu_minutes}: what 2 otherwise idle cores would
 * take), and both for the alternatives the node did not choose ({@code .java_scalar}, {@code .libargon2}).
 */
final class HeaderPowBench implements BenchPart {

    private static final int BATCH = 2_000;
    private static final int WARM_UP = 500;

    @Override
    public String name() {
        return "header proof of work (1M headers, extrapolated)";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        int count = Integer.getInteger("numi.bench.p2p.pow_headers", 4_000);
        int cores = Runtime.getRuntime().availableProcessors();
        Argon2idProvider chosen = Argon2idProviders.choose(Argon2Mode.AUTO, "bench");
        List<BlockHeader> headers = headers(count);
        List<BlockHeader> warmUp = headers(WARM_UP);
        Map<String, Argon2idProvider> providers = new LinkedHashMap<>();
        providers.put("p2p.headers_1m_pow", chosen);
        if (chosen.name().equals("java") && Argon2Kernel.fastest() != Argon2Kernel.SCALAR) {
            providers.put("p2p.headers_1m_pow.java_scalar", Argon2idProvider.java(Argon2Kernel.SCALAR));
        }
        if (!chosen.name().equals("native")) {
            NativeArgon2.loadIfPresent().ifPresent(library -> providers.put("p2p.headers_1m_pow.libargon2", new NativeArgon2idProvider(library)));
        }
        for (Map.Entry<String, Argon2idProvider> entry : providers.entrySet()) {
            String prefix = entry.getKey();
            try (HeaderPowVerifier verifier = new HeaderPowVerifier(PowParams.MAINNET, cores, entry.getValue())) {
                check(verifier, warmUp);
                long cpuStart = CpuClock.processNanos();
                long start = System.nanoTime();
                check(verifier, headers);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (CpuClock.processNanos() - cpuStart) / 1e9;
                out.report(prefix + "_minutes", 1_000_000 * seconds / count / 60, "min");
                out.report(prefix + "_cpu_minutes", 1_000_000 * cpuSeconds / count / cores / 60, "min");
                out.report(prefix + ".per_s", count / seconds, "per_s");
            }
        }
        out.report("p2p.headers_1m_pow.measured_headers", count, "headers");
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

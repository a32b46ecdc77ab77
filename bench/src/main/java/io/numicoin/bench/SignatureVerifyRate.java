package io.numicoin.bench;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaProvider;
import io.numicoin.protocol.crypto.MlDsaSignature;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * ML-DSA-65 verification throughput over a fixed set of distinct signed messages (many keys, many
 * messages), on the calling thread or on a fixed pool of one thread per available processor.
 * Node and mempool benchmarks call {@link #allCores} (or {@link #allCoresMeasured}) to compare their
 * transaction rates with the raw signature rate of the same machine in the same run.
 */
public final class SignatureVerifyRate {

    /** Distinct (key, message, signature) triples: 64 keys with 4 messages each. */
    public static final int DISTINCT = 256;
    private static final int KEYS = 64;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final MlDsaProvider provider;
    private final List<Signed> work;

    private record Signed(MlDsaKeyPair pair, byte[] message, MlDsaSignature signature) {
    }

    private SignatureVerifyRate(MlDsaProvider provider, List<Signed> work) {
        this.provider = provider;
        this.work = work;
    }

    /** Signs {@link #DISTINCT} messages with {@code provider} (fixed seeds, so every run verifies the same set). */
    public static SignatureVerifyRate prepare(MlDsaProvider provider) {
        List<Signed> work = new ArrayList<>(DISTINCT);
        for (int k = 0; k < KEYS; k++) {
            byte[] seed = new byte[MlDsaPrivateKey.SIZE];
            Arrays.fill(seed, (byte) k);
            seed[0] = (byte) 0xbe;
            MlDsaKeyPair pair = provider.keyPair(new MlDsaPrivateKey(Bytes.of(seed)));
            for (int m = 0; m < DISTINCT / KEYS; m++) {
                byte[] message = ("bench message " + k + "/" + m).getBytes(StandardCharsets.US_ASCII);
                work.add(new Signed(pair, message, provider.sign(pair.privateKey(), message)));
            }
        }
        return new SignatureVerifyRate(provider, List.copyOf(work));
    }

    public MlDsaProvider provider() {
        return provider;
    }

    /** Verifications per second on the calling thread for {@code duration}. */
    public double oneCore(Duration duration) {
        long start = System.nanoTime();
        long count = verifyUntil(start + duration.toNanos(), 0);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Verifications per second of the calling thread's CPU time, over about {@code duration} of it: what
     * one idle core would do, so other load on a shared machine mostly drops out (for ratios of two providers).
     */
    public double oneCoreCpu(Duration duration) {
        long start = THREADS.getCurrentThreadCpuTime();
        long deadline = start + duration.toNanos();
        long count = 0;
        long now;
        do {
            count += verifyOne((int) (count % DISTINCT));
            now = THREADS.getCurrentThreadCpuTime();
        } while (now < deadline);
        return count / ((now - start) / 1e9);
    }

    private int verifyOne(int index) {
        Signed signed = work.get(index);
        if (!provider.verify(signed.pair().publicKey(), signed.message(), signed.signature())) {
            throw new IllegalStateException("a valid signature did not verify with " + provider.name());
        }
        return 1;
    }

    /** A run on every core: verifications per second of wall time, and CPU nanoseconds per verification. */
    public record AllCores(double perSecond, double cpuNanosPerVerification) {
    }

    /** Verifications per second summed over one thread per available processor, for {@code duration}. */
    public double allCores(Duration duration) {
        return allCoresMeasured(duration).perSecond();
    }

    /** As {@link #allCores}, with the CPU time the verifying threads used (not inflated by other load on the machine). */
    public AllCores allCoresMeasured(Duration duration) {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<Future<long[]>> counts = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
                int offset = t * (DISTINCT / threads);
                counts.add(pool.submit(() -> {
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    long count = verifyUntil(deadline, offset);
                    return new long[] {count, THREADS.getCurrentThreadCpuTime() - cpuStart};
                }));
            }
            long total = 0;
            long cpuNanos = 0;
            for (Future<long[]> count : counts) {
                total += count.get()[0];
                cpuNanos += count.get()[1];
            }
            return new AllCores(total / ((System.nanoTime() - start) / 1e9), (double) cpuNanos / total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("verification failed while measuring", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Signatures per second on the calling thread for {@code duration}, over the same keys and messages. */
    public double signOneCore(Duration duration) {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long count = 0;
        while (System.nanoTime() < deadline) {
            Signed signed = work.get((int) (count % DISTINCT));
            provider.sign(signed.pair().privateKey(), signed.message());
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private long verifyUntil(long deadline, int offset) {
        long count = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 16; i++) {
                Signed signed = work.get((int) ((offset + count) % DISTINCT));
                if (!provider.verify(signed.pair().publicKey(), signed.message(), signed.signature())) {
                    throw new IllegalStateException("a valid signature did not verify with " + provider.name());
                }
                count++;
            }
        }
        return count;
    }
}

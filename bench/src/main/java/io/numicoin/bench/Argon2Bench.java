package io.numicoin.bench;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.Argon2Kernel;
import io.numicoin.protocol.pow.Argon2idProvider;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.pow.PowCheck;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.pow.header.ProofOfWork;
import io.numicoin.support.argon2.NativeArgon2;
import io.numicoin.support.argon2.NativeArgon2UnavailableException;
import io.numicoin.support.argon2.NativeArgon2idProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id at mainnet cost (4 MiB, t = 1, p = 1) on one thread: the protocol's pure-Java Argon2id
 * (its fastest kernel here; the scalar kernel too, and the vector kernel over the scalar one) against Debian's libargon2 called the way the services call it (service-support's
 * {@link NativeArgon2idProvider}, java.lang.foreign, in this JVM), and Bouncy Castle against
 * the same native peer, each in {@link InterleavedRatio} rounds (median with min and max), plus full header
 * proof-of-work verification on one core and on all cores.
 *
 * <p>Single-thread rates are per second of the measuring thread's CPU time,
 * which equals wall-clock time on an idle machine and stays meaningful on a shared one where other
 * processes take turns on the cores. The all-cores rate is per second of wall-clock time.
 */
final class Argon2Bench implements BenchPart {

    private static final PowParams PARAMS = PowParams.MAINNET;
    private static final int ROUNDS = 5;
    private static final double ROUND_SECONDS = 2;

    private long sink;

    @Override
    public String name() {
        return "argon2id";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        Optional<NativeArgon2> library = nativeLibrary();
        Argon2idProvider.Function java = Argon2idProvider.JAVA.create(PARAMS);
        Argon2idProvider.Function scalar = Argon2idProvider.java(Argon2Kernel.SCALAR).create(PARAMS);
        byte[] input = new byte[128];
        byte[] salt = new byte[16];
        byte[] tag = new byte[32];
        LongConsumer javaHash = hashing(java, input, salt, tag);
        LongConsumer scalarHash = hashing(scalar, input, salt, tag);
        boolean vector = Argon2Kernel.fastest() == Argon2Kernel.VECTOR_256;
        out.report("protocol.argon2id.java.vector", vector ? 1 : 0, "bool");
        if (vector) {
            InterleavedRatio.Result vectorOverScalar = InterleavedRatio.measure(1, ROUNDS,
                    round -> rate(javaHash, ROUND_SECONDS), round -> rate(scalarHash, ROUND_SECONDS));
            vectorOverScalar.report(out, "protocol.argon2id.vector_over_scalar");
        } else {
            System.err.println("bench: no Argon2id vector kernel: " + Argon2Kernel.VECTOR_256.unavailableReason());
        }
        LongConsumer bouncyCastleHash = i -> {
            input[120] = (byte) i;
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(PARAMS.memoryKiB()).withIterations(PARAMS.iterations())
                    .withParallelism(PARAMS.parallelism()).withSalt(salt).build());
            generator.generateBytes(input, tag);
        };
        if (library.isPresent()) {
            LongConsumer nativeHash = hashing(new NativeArgon2idProvider(library.get()).create(PARAMS), input, salt, tag);
            InterleavedRatio.Rate nativeRate = round -> rate(nativeHash, ROUND_SECONDS);
            InterleavedRatio.Result javaOverNative = InterleavedRatio.measure(1, ROUNDS,
                    round -> rate(javaHash, ROUND_SECONDS), nativeRate);
            InterleavedRatio.Result bcOverNative = InterleavedRatio.measure(1, ROUNDS,
                    round -> rate(bouncyCastleHash, ROUND_SECONDS), nativeRate);
            InterleavedRatio.Result scalarOverNative = vector
                    ? InterleavedRatio.measure(1, ROUNDS, round -> rate(scalarHash, ROUND_SECONDS), nativeRate)
                    : javaOverNative;
            out.report("protocol.argon2id.java.per_s", javaOverNative.medianA(), "per_s");
            out.report("protocol.argon2id.bc.per_s", bcOverNative.medianA(), "per_s");
            out.report("protocol.argon2id.native.per_s", javaOverNative.medianB(), "per_s");
            javaOverNative.report(out, "protocol.argon2id.java_over_native");
            scalarOverNative.report(out, "protocol.argon2id.java_scalar_over_native");
            bcOverNative.report(out, "protocol.argon2id.bc_over_native");
        } else {
            rate(javaHash, 3);
            out.report("protocol.argon2id.java.per_s", rate(javaHash, ROUND_SECONDS), "per_s");
            rate(bouncyCastleHash, 1);
            out.report("protocol.argon2id.bc.per_s", rate(bouncyCastleHash, ROUND_SECONDS), "per_s");
        }

        ProofOfWork pow = new ProofOfWork(PARAMS);
        BlockHeader template = template();
        LongConsumer verify = i -> sink += pow.verify(template.withNonce(i)) == PowCheck.VALID ? 1 : 0;
        rate(verify, 1);
        out.report("protocol.header_pow.verify", rate(verify, ROUND_SECONDS), "per_s");
        out.report("protocol.header_pow.verify.all_cores", verifyOnAllCores(template, ROUND_SECONDS), "per_s");
    }

    /** Runs {@code op(0), op(1), ...} for {@code seconds} of this thread's CPU time; calls per CPU second. */
    private static double rate(LongConsumer op, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long deadline = start + (long) (seconds * 1e9);
        long calls = 0;
        long now;
        do {
            op.accept(calls++);
            now = threads.getCurrentThreadCpuTime();
        } while (now < deadline);
        return calls / ((now - start) / 1e9);
    }

    /** One {@link ProofOfWork} per thread, one thread per core, each on its own nonces. */
    private static double verifyOnAllCores(BlockHeader template, double seconds) throws InterruptedException {
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicLong verified = new AtomicLong();
        long warmupNanos = 1_000_000_000L;
        long start = System.nanoTime() + warmupNanos;
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long firstNonce = (long) t << 40;
            workers.add(Thread.ofPlatform().start(() -> {
                ProofOfWork pow = new ProofOfWork(PARAMS);
                long nonce = firstNonce;
                while (System.nanoTime() < start) {
                    pow.verify(template.withNonce(nonce++));
                }
                long counted = 0;
                while (System.nanoTime() < deadline) {
                    pow.verify(template.withNonce(nonce++));
                    counted++;
                }
                verified.addAndGet(counted);
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return verified.get() / seconds;
    }

    private static BlockHeader template() {
        Hash256 filler = Hash256.fromHex("5a".repeat(32));
        return new BlockHeader(BlockHeader.CURRENT_VERSION, 1, filler, filler, filler, 1_700_000_000L,
                CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(240)), 0);
    }

    /** Hashes call {@code i} of {@code argon2} on the input with {@code i} in it, chaining the tag into the salt. */
    private static LongConsumer hashing(Argon2idProvider.Function argon2, byte[] input, byte[] salt, byte[] tag) {
        return i -> {
            input[120] = (byte) i;
            input[121] = (byte) (i >>> 8);
            input[122] = (byte) (i >>> 16);
            argon2.hash(input, salt, tag);
            System.arraycopy(tag, 0, salt, 0, salt.length);
        };
    }

    private static Optional<NativeArgon2> nativeLibrary() {
        try {
            return Optional.of(NativeArgon2.load());
        } catch (NativeArgon2UnavailableException e) {
            System.err.println("bench: " + e.getMessage() + "; skipping native figures");
            return Optional.empty();
        }
    }
}

package io.numicoin.node.p2p.sync;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.pow.Argon2idProvider;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.pow.PowCheck;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.pow.header.ProofOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks the Argon2id proof of work of a batch of headers on a bounded pool before any of them
 * reaches the import lock, so a peer sending headers without work costs us one parallel pass and
 * never the chain's time. Each header is checked against the target the difficulty rule gives on
 * its branch ({@link io.numicoin.protocol.chain.HeaderBatchCheck}), never its own claim. One
 * {@link ProofOfWork} (which owns its Argon2 memory) per pool thread; {@link #argon2Runs()} counts
 * every evaluation they made.
 */
public final class HeaderPowVerifier implements AutoCloseable {

    private final ExecutorService pool;
    private final ThreadLocal<ProofOfWork> hashers;
    private final int threads;
    private final List<ProofOfWork> created = new CopyOnWriteArrayList<>();

    /** With the protocol's pure-Java Argon2id. */
    public HeaderPowVerifier(PowParams params, int threads) {
        this(params, threads, Argon2idProvider.JAVA);
    }

    /** With {@code argon2} doing the Argon2id step (the node's choice: libargon2 when present). */
    public HeaderPowVerifier(PowParams params, int threads, Argon2idProvider argon2) {
        this.threads = threads;
        this.hashers = ThreadLocal.withInitial(() -> {
            ProofOfWork pow = new ProofOfWork(params, argon2);
            created.add(pow);
            return pow;
        });
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("numi-header-pow-", 1).daemon().factory());
    }

    /** Argon2id evaluations this verifier has made (readable from any thread). */
    public long argon2Runs() {
        long runs = 0;
        for (ProofOfWork pow : created) {
            runs += pow.hashCount();
        }
        return runs;
    }

    /**
     * As {@link #firstFailure(List, List)} against each header's own target: only for headers whose
     * difficulty the caller checks afterwards and that no stranger sent (a snapshot's, from the operator).
     */
    public OptionalInt firstFailure(List<BlockHeader> headers) throws InterruptedException {
        return firstFailure(headers, headers.stream().map(BlockHeader::target).toList());
    }

    /**
     * The index of the first header whose proof of work fails against its expected target
     * ({@code expectedTargets}, one per header), or empty when all pass. The pool's threads take the
     * headers one at a time from a shared counter (not a fixed share each), so a thread the machine
     * slows down does not hold the batch up while the others idle, and none takes a header past the
     * first failure found so far.
     */
    public OptionalInt firstFailure(List<BlockHeader> headers, List<CompactTarget> expectedTargets) throws InterruptedException {
        if (expectedTargets.size() != headers.size()) {
            throw new IllegalArgumentException(headers.size() + " headers but " + expectedTargets.size() + " targets");
        }
        int count = headers.size();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger firstFailure = new AtomicInteger(count);  // count: none yet
        Runnable work = () -> {
            ProofOfWork pow = hashers.get();
            for (int i = next.getAndIncrement(); i < firstFailure.get(); i = next.getAndIncrement()) {
                if (pow.verify(headers.get(i), expectedTargets.get(i)) != PowCheck.VALID) {
                    firstFailure.accumulateAndGet(i, Math::min);
                }
            }
        };
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, count); t++) {
            workers.add(pool.submit(work));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            next.set(count);  // the other threads stop after the header in hand
            throw new IllegalStateException("proof-of-work check failed", e.getCause());
        } catch (InterruptedException e) {
            next.set(count);
            throw e;
        }
        int first = firstFailure.get();
        return first == count ? OptionalInt.empty() : OptionalInt.of(first);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

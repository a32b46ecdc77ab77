package io.numicoin.miner.mining;

import io.numicoin.miner.pow.PowHasher;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.pow.header.ProofOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Mining threads over one piece of {@link Work} at a time. Thread {@code i} of {@code n} tries the
 * nonces of {@code NonceRange.split(n).get(i)} in order, so no two threads hash the same header.
 * The first header to meet the target is handed to the listener (once per work) and the threads
 * idle until {@link #mine} gives them new work; {@link #pause} stops hashing.
 */
public final class MiningEngine implements AutoCloseable {

    private static final int CHECK_EVERY = 16;

    private final List<NonceRange> ranges;
    private final Supplier<PowHasher> hashers;
    private final Consumer<FoundBlock> listener;
    private final AtomicReference<Work> current = new AtomicReference<>();
    private final LongAdder hashes = new LongAdder();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public MiningEngine(int threadCount, Supplier<PowHasher> hashers, Consumer<FoundBlock> listener) {
        this.ranges = NonceRange.split(threadCount);
        this.hashers = hashers;
        this.listener = listener;
        for (int i = 0; i < threadCount; i++) {
            NonceRange range = ranges.get(i);
            Thread thread = Thread.ofPlatform().daemon().name("miner-" + i).unstarted(() -> run(range));
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** Replaces the current work; threads switch to it within a few hashes. */
    public void mine(Work work) {
        current.set(work);
        threads.forEach(LockSupport::unpark);
    }

    /** Stops hashing until the next {@link #mine}. */
    public void pause() {
        current.set(null);
    }

    /** The work being mined, if any. */
    public Optional<Work> current() {
        return Optional.ofNullable(current.get());
    }

    /** Proof-of-work hashes computed by all threads since the engine started. */
    public long hashCount() {
        return hashes.sum();
    }

    public List<NonceRange> ranges() {
        return ranges;
    }

    @Override
    public void close() {
        running = false;
        current.set(null);
        for (Thread thread : threads) {
            LockSupport.unpark(thread);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run(NonceRange range) {
        PowHasher hasher = hashers.get();
        while (running) {
            Work work = current.get();
            if (work == null) {
                LockSupport.parkNanos(100_000_000L);
                continue;
            }
            mineRange(hasher, work, range);
            if (current.get() == work) {
                LockSupport.parkNanos(100_000_000L); // range exhausted or found: wait for new work
            }
        }
    }

    private void mineRange(PowHasher hasher, Work work, NonceRange range) {
        BlockHeader template = work.block().header();
        CompactTarget target = template.target();
        for (long offset = 0; Long.compareUnsigned(offset, range.size()) < 0; offset++) {
            if (offset % CHECK_EVERY == 0 && (current.get() != work || !running)) {
                return;
            }
            BlockHeader candidate = template.withNonce(range.nonceAt(offset));
            Hash256 pow = hasher.powHash(BlockHeaderCodec.encode(candidate));
            hashes.increment();
            if (ProofOfWork.meetsTarget(pow, target)) {
                if (current.compareAndSet(work, null)) {
                    listener.accept(new FoundBlock(work, candidate, pow));
                }
                return;
            }
        }
    }
}

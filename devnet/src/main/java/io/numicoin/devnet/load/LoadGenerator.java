package io.numicoin.devnet.load;

import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.tx.TransferTx;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the accounts' transfers at a fixed rate, round-robin over the entry points, and records
 * each in the history. An account has one transfer in flight at a time (a tick that finds every
 * account busy is counted, not queued). After a 2xx the account moves to its next nonce; after an
 * unknown answer (none, 5xx, 429) it offers the same transfer again on its next turn; after a
 * refusal about the nonce it reads its nonce back from the network; after any other refusal it
 * tries the same transfer again later.
 */
public final class LoadGenerator {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final List<LoadAccount> accounts;
    private final TransferFactory factory;
    private final List<EntryPoint> entries;
    private final Submitter submitter;
    private final History history;
    private final NonceReader nonces;
    private final AtomicLong turn = new AtomicLong();

    public LoadGenerator(List<LoadAccount> accounts, TransferFactory factory, List<EntryPoint> entries, Submitter submitter,
            History history, NonceReader nonces) {
        this.accounts = List.copyOf(accounts);
        this.factory = factory;
        this.entries = List.copyOf(entries);
        this.submitter = submitter;
        this.history = history;
        this.nonces = nonces;
    }

    /**
     * Offers {@code rate} transfers a second for {@code duration} (or until {@code keepGoing} says
     * stop), prints progress through {@code progress}, and returns once every transfer in flight is
     * answered. The txids of 2xx answers are added to {@code acceptedTxids}.
     */
    public LoadStats run(double rate, Duration duration, BooleanSupplier keepGoing, Consumer<String> progress, Set<String> acceptedTxids)
            throws InterruptedException {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("the rate must be above 0 transfers a second, got " + rate);
        }
        LoadStats stats = new LoadStats();
        ConcurrentLinkedQueue<LoadAccount> idle = new ConcurrentLinkedQueue<>(accounts);
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long nextReport = start + PROGRESS_EVERY.toNanos();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long tick = start; tick < end && keepGoing.getAsBoolean(); tick += period) {
                long wait = tick - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                LoadAccount account = idle.poll();
                if (account == null) {
                    stats.tickMissed();
                } else {
                    workers.execute(() -> {
                        try {
                            send(account, stats, acceptedTxids);
                        } finally {
                            idle.add(account);
                        }
                    });
                }
                if (System.nanoTime() > nextReport) {
                    progress.accept("load: " + stats.line((System.nanoTime() - start) / 1e9));
                    nextReport += PROGRESS_EVERY.toNanos();
                }
            }
            workers.shutdown();
            workers.awaitTermination(1, TimeUnit.MINUTES);
        }
        progress.accept("load done: " + stats.line((System.nanoTime() - start) / 1e9));
        return stats;
    }

    private void send(LoadAccount account, LoadStats stats, Set<String> acceptedTxids) {
        long nonce = account.nextNonce();
        TransferTx tx = factory.transfer(account, nonce);
        String txid = TransactionCodec.txid(tx).toHex();
        EntryPoint entry = entries.get((int) (turn.getAndIncrement() % entries.size()));
        long at = history.millis();
        Answer answer = submitter.submit(entry, TransactionCodec.encode(tx));
        history.record(new Submission(at, "load", account.address(), nonce, txid, entry.name(), answer));
        stats.count(answer);
        if (answer.accepted()) {
            acceptedTxids.add(txid);
            account.nonce(nonce + 1);
        } else if (answer.refused() && answer.rule().startsWith("NONCE_")) {
            nonces.next(account.address()).ifPresent(next -> {
                stats.resynced();
                account.nonce(next);
            });
        }
    }
}

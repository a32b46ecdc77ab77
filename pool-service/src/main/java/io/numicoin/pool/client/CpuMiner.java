package io.numicoin.pool.client;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.pow.header.ProofOfWork;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The bundled CPU Stratum miner: subscribes, authorizes as {@code user}, and mines every job it is
 * sent on {@code threads} threads (thread {@code i} uses extranonce2 {@code i}, nonces from 0),
 * submitting each share that meets the difficulty the pool set. Switches jobs within a few hashes.
 * A job the pool answers "stale" for (code 21: its parent has a block now) is dropped until the next
 * one arrives, and "slow down" (code 20) pauses the thread a moment: on regtest nearly every share
 * solves a block, and a miner that kept submitting on the retired job would be banned for flooding.
 */
public final class CpuMiner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CpuMiner.class);

    private final StratumClient client;
    private final String user;
    private final PowParams pow;
    private final AtomicReference<StratumJob> job = new AtomicReference<>();
    private final AtomicLong difficultyBits = new AtomicLong(Double.doubleToLongBits(1));
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong hashes = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    /** Stratum error codes the pool answers with (docs/pool.md). */
    static final int STALE_OR_UNKNOWN_JOB = 21;
    static final int OTHER = 20;
    static final long SLOW_DOWN_MILLIS = 500;
    private final List<Thread> threads = new ArrayList<>();
    private volatile Bytes extranonce1;
    private volatile boolean running = true;

    public CpuMiner(InetSocketAddress pool, String user, PowParams pow, int threadCount) throws IOException {
        this.user = user;
        this.pow = pow;
        this.client = new StratumClient(pool, this::notified);
        JsonNode subscribed = client.call("mining.subscribe", "numi-cpuminer/1");
        if (!subscribed.path("error").isNull()) {
            throw new IOException("subscribe refused: " + subscribed.path("error"));
        }
        extranonce1 = Bytes.fromHex(subscribed.path("result").path(1).asString());
        JsonNode authorized = client.call("mining.authorize", user, "x");
        if (!authorized.path("result").asBoolean(false)) {
            throw new IOException("authorize refused: " + authorized.path("error"));
        }
        for (int i = 0; i < threadCount; i++) {
            Bytes extranonce2 = Bytes.of(ByteBuffer.allocate(4).putInt(i).array());
            threads.add(Thread.ofPlatform().daemon().name("cpuminer-" + i).start(() -> mine(extranonce2)));
        }
    }

    private void notified(JsonNode message) {
        switch (message.path("method").asString("")) {
            case "mining.notify" -> job.set(StratumJob.parse(message.path("params")));
            case "mining.set_difficulty" -> difficultyBits.set(Double.doubleToLongBits(message.path("params").path(0).asDouble(1)));
            default -> { }
        }
    }

    private void mine(Bytes extranonce2) {
        ShareSearch search = new ShareSearch(new ProofOfWork(pow));
        long nonce = 0;
        StratumJob mining = null;
        StratumJob dropped = null;
        while (running && !client.isClosed()) {
            StratumJob current = job.get();
            if (current == null || current == dropped) {
                sleep(50);
                continue;
            }
            if (current != mining) {
                mining = current;
                nonce = 0;
            }
            StratumJob jobNow = current;
            double difficulty = difficulty();
            long before = search.hashes();
            Optional<FoundShare> share = search.search(jobNow, extranonce1, extranonce2, nonce, ShareSearch.meets(difficulty),
                    () -> !running || job.get() != jobNow || difficulty() != difficulty);
            hashes.addAndGet(search.hashes() - before);
            if (share.isEmpty()) {
                continue;
            }
            nonce = share.get().nonce() + 1;
            try {
                JsonNode answer = client.call("mining.submit", share.get().submitParams(user));
                if (answer.path("result").asBoolean(false)) {
                    accepted.incrementAndGet();
                } else {
                    int code = answer.path("error").path(0).asInt(0);
                    if (code == STALE_OR_UNKNOWN_JOB) {
                        stale.incrementAndGet();
                        dropped = jobNow; // a block was found on its parent: wait for the next job
                    } else {
                        rejected.incrementAndGet();
                        log.info("share refused: {}", answer.path("error"));
                        if (code == OTHER) {
                            sleep(SLOW_DOWN_MILLIS); // too many shares, or the pool is busy
                        }
                    }
                }
            } catch (IOException e) {
                if (running) {
                    log.warn("submit failed: {}", e.getMessage());
                }
            }
        }
    }

    private double difficulty() {
        return Double.longBitsToDouble(difficultyBits.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long accepted() {
        return accepted.get();
    }

    /** Shares refused for anything but a stale job. */
    public long rejected() {
        return rejected.get();
    }

    /** Shares on a job the pool had already retired (answered code 21). */
    public long stale() {
        return stale.get();
    }

    public long hashes() {
        return hashes.get();
    }

    public boolean connected() {
        return !client.isClosed();
    }

    @Override
    public void close() {
        running = false;
        client.close();
        for (Thread t : threads) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

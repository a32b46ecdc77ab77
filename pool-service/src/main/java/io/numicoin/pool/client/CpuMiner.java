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
        while (running && !client.isClosed()) {
            StratumJob current = job.get();
            if (current == null) {
                sleep();
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
                    rejected.incrementAndGet();
                    log.info("share refused: {}", answer.path("error"));
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

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long accepted() {
        return accepted.get();
    }

    public long rejected() {
        return rejected.get();
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

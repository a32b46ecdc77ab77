package io.numicoin.pool.stratum;

import io.netty.channel.Channel;
import io.numicoin.pool.share.Vardiff;
import io.numicoin.pool.work.PoolJob;
import io.numicoin.protocol.bytes.Bytes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Stratum connection's state: its extranonce1, authorized workers, difficulty (vardiff) and
 * the bounds on its shares.
 */
final class StratumSession {

    private final Channel channel;
    private final String ip;
    private final Bytes extranonce1;
    private final Vardiff vardiff;
    private final TokenBucket submits;
    private final InvalidShareCounter invalid;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, WorkerName> workers = new ConcurrentHashMap<>();
    private volatile boolean subscribed;
    private final java.util.concurrent.atomic.AtomicBoolean banned = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long lastJobSequence = -1;
    private volatile long previousDifficulty;
    private volatile long changedAtSequence = -1;

    StratumSession(Channel channel, String ip, Bytes extranonce1, Vardiff vardiff, TokenBucket submits, InvalidShareCounter invalid) {
        this.channel = channel;
        this.ip = ip;
        this.extranonce1 = extranonce1;
        this.vardiff = vardiff;
        this.submits = submits;
        this.invalid = invalid;
        this.previousDifficulty = vardiff.difficulty();
    }

    Channel channel() {
        return channel;
    }

    String ip() {
        return ip;
    }

    Bytes extranonce1() {
        return extranonce1;
    }

    Vardiff vardiff() {
        return vardiff;
    }

    TokenBucket submits() {
        return submits;
    }

    InvalidShareCounter invalid() {
        return invalid;
    }

    AtomicInteger inFlight() {
        return inFlight;
    }

    /** True the first time only: a session is banned once, whatever arrives while it closes. */
    boolean markBanned() {
        return banned.compareAndSet(false, true);
    }

    boolean banned() {
        return banned.get();
    }

    boolean subscribed() {
        return subscribed;
    }

    void subscribe() {
        subscribed = true;
    }

    boolean ready() {
        return subscribed && !workers.isEmpty();
    }

    int workerCount() {
        return workers.size();
    }

    void authorize(String username, WorkerName name) {
        workers.put(username, name);
    }

    Optional<WorkerName> worker(String username) {
        return Optional.ofNullable(workers.get(username));
    }

    Iterable<WorkerName> workers() {
        return workers.values();
    }

    /** Sends a job (the line was built once for every session). */
    void sendJob(PoolJob job, String line) {
        lastJobSequence = job.sequence();
        send(line);
    }

    /** A new difficulty: jobs sent so far may still be mined at the old one. */
    synchronized void difficultyChanged(long previous) {
        previousDifficulty = previous;
        changedAtSequence = lastJobSequence;
        send(StratumMessages.setDifficulty(vardiff.difficulty()));
    }

    long previousDifficulty() {
        return previousDifficulty;
    }

    long changedAtSequence() {
        return changedAtSequence;
    }

    /** Sends a line; a client that stopped reading (its buffer above the high mark) is closed instead. */
    void send(String line) {
        if (!channel.isWritable()) {
            channel.close();
            return;
        }
        channel.writeAndFlush(line);
    }
}

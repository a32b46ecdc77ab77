package io.numicoin.miner.stratum;

import io.numicoin.miner.mining.FoundBlock;
import io.numicoin.miner.mining.Work;
import io.numicoin.miner.pow.PowHasher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A minimal Stratum-like pool server: newline-delimited JSON-RPC over TCP (default port 3333).
 * Each connection gets its own slice of the 2^64 nonces ({@value #SLICE_BITS}-bit prefix), the
 * current work's header as hex and a share target; a submitted nonce is checked with one PoW
 * hash, counted as a share when it meets the share target and handed on as a found block when it
 * meets the block's. See docs/miner.md for the messages.
 */
public final class StratumServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StratumServer.class);

    /** Nonce slices: connection {@code k} mines nonces whose top 16 bits are {@code k mod 2^16}. */
    static final int SLICE_BITS = 16;

    private final InetAddress bindAddress;
    private final int port;
    private final Supplier<Optional<Work>> currentWork;
    private final Consumer<FoundBlock> found;
    private final Supplier<PowHasher> hashers;
    private final java.math.BigInteger shareTarget;
    private final AtomicInteger slices = new AtomicInteger();
    private final AtomicLong sharesAccepted = new AtomicLong();
    private final AtomicLong sharesRejected = new AtomicLong();
    private final Set<StratumConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile boolean running;
    private volatile long announced = -1;

    public StratumServer(InetAddress bindAddress, int port, Supplier<Optional<Work>> currentWork, Consumer<FoundBlock> found,
            Supplier<PowHasher> hashers, java.math.BigInteger shareTarget) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.currentWork = currentWork;
        this.found = found;
        this.hashers = hashers;
        this.shareTarget = shareTarget;
    }

    @Override
    public void start() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(bindAddress, port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for Stratum on " + bindAddress + ":" + port + ": " + e.getMessage(), e);
        }
        running = true;
        Thread.ofVirtual().name("stratum-accept").start(this::accept);
        Thread.ofPlatform().daemon().name("stratum-notify").start(this::announceLoop);
        log.info("Stratum listening on {}:{}", bindAddress.getHostAddress(), localPort());
    }

    /** The bound port (useful with port 0). */
    public int localPort() {
        return server.getLocalPort();
    }

    public long sharesAccepted() {
        return sharesAccepted.get();
    }

    public long sharesRejected() {
        return sharesRejected.get();
    }

    private void accept() {
        while (running) {
            try {
                Socket socket = server.accept();
                long slice = slices.getAndIncrement() & ((1 << SLICE_BITS) - 1);
                StratumConnection connection = new StratumConnection(this, socket, slice << (64 - SLICE_BITS), hashers.get());
                connections.add(connection);
                Thread.ofVirtual().name("stratum-" + socket.getRemoteSocketAddress()).start(() -> {
                    connection.serve();
                    connections.remove(connection);
                });
            } catch (IOException e) {
                if (running) {
                    log.warn("Stratum accept failed: {}", e.getMessage());
                }
            }
        }
    }

    /** Sends new work to every connection when the current work changes. */
    private void announceLoop() {
        while (running) {
            Optional<Work> work = currentWork.get();
            if (work.isPresent() && work.get().generation() != announced) {
                announced = work.get().generation();
                connections.forEach(c -> c.notifyWork(work.get()));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    Optional<Work> currentWork() {
        return currentWork.get();
    }

    java.math.BigInteger shareTarget() {
        return shareTarget;
    }

    void share(boolean accepted) {
        (accepted ? sharesAccepted : sharesRejected).incrementAndGet();
    }

    void blockFound(FoundBlock block) {
        log.info("Stratum worker found block at height {} (nonce {})", block.header().height(), Long.toUnsignedString(block.header().nonce()));
        found.accept(block);
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            log.debug("closing the Stratum socket: {}", e.getMessage());
        }
        connections.forEach(StratumConnection::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

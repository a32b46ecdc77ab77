package io.numicoin.bench;

import io.numicoin.miner.pow.JavaPowHasher;
import io.numicoin.miner.pow.PowHasher;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.testkit.TestKeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code pool.shares.over_argon2_limit}: shares a pool with one validation thread checks per
 * second through the whole Stratum path (TCP, JSON, job lookup, duplicate check, coinbase and
 * merkle root, one mainnet Argon2id run each; no ledger write), over what one thread hashes with
 * the bare Argon2id PoW, both per second of the hashing thread's CPU time (the validation thread's,
 * and this one's). Four connections keep the queue full; pool and bare rounds alternate
 * after a shared warm-up; the median ratio is reported with its min and max.
 */
final class PoolSharesBench implements BenchPart {

    private static final int ROUNDS = 5;
    private static final double ROUND_SECONDS = 3;
    private static final int CONNECTIONS = 4;
    private static final int IN_FLIGHT = 8;

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private volatile boolean loading;
    private long sink;

    @Override
    public String name() {
        return "pool shares checked vs the single-thread Argon2id limit (mainnet cost)";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        try (BenchStratumPool pool = new BenchStratumPool(1, 100, 1e9, IN_FLIGHT)) {
            String user = AddressFormat.encode(TestKeys.address(5), BenchStratumPool.MAINNET.hrp());
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int connection = c;
                clients.add(Thread.ofPlatform().daemon().start(() -> client(pool, user, connection)));
            }
            PowHasher bare = new JavaPowHasher(BenchStratumPool.MAINNET.pow());
            poolRate(pool, 3);
            bareRate(bare, 3);
            InterleavedRatio.Result ratio = InterleavedRatio.measure(0, ROUNDS,
                    round -> poolRate(pool, ROUND_SECONDS), round -> bareRate(bare, ROUND_SECONDS));
            System.err.println("bench: verdicts " + pool.verdicts);
            out.report("pool.shares.per_s", ratio.medianA(), "per_s");
            out.report("pool.argon2.per_s", ratio.medianB(), "per_s");
            ratio.report(out, "pool.shares.over_argon2_limit");
            clients.forEach(Thread::interrupt);
        }
        if (sink == 42) {
            System.err.println();
        }
    }

    /**
     * Shares checked per second of the validation thread's CPU time while the clients keep it busy
     * (per CPU second, not wall time: the machine is shared, as in MinerJavaNativeBench).
     */
    private double poolRate(BenchStratumPool pool, double seconds) throws InterruptedException {
        loading = true;
        Thread.sleep(300);
        long validator = validationThread();
        long c0 = pool.accepted.get();
        long t0 = THREADS.getThreadCpuTime(validator);
        Thread.sleep((long) (seconds * 1000));
        long c1 = pool.accepted.get();
        long t1 = THREADS.getThreadCpuTime(validator);
        loading = false;
        Thread.sleep(1500); // the queue drains before the bare round
        return (c1 - c0) / ((t1 - t0) / 1e9);
    }

    /** The validation thread (started with the first share). */
    private static long validationThread() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var thread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("pool-share-0")).findFirst();
            if (thread.isPresent()) {
                return thread.get().threadId();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no validation thread after 30 s");
    }

    /** Bare PoW hashes per second of this thread's CPU time. */
    private double bareRate(PowHasher hasher, double seconds) {
        byte[] header = new byte[128];
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long hashes = 0;
        while (System.nanoTime() < end) {
            header[120] = (byte) hashes;
            header[121] = (byte) (hashes >>> 8);
            sink += hasher.powHash(header).bytes().get(0);
            hashes++;
        }
        return hashes / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }

    private void client(BenchStratumPool pool, String user, int connection) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", pool.port()));
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write(("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}\n{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\""
                    + user + "\",\"x\"]}\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("{\"id\":") && !line.startsWith("{\"id\":null") && !line.startsWith("{\"id\":1,")
                                && !line.startsWith("{\"id\":2,")) {
                            inFlight.release();
                        }
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            String ntime = String.format("%016x", pool.job.template().timestamp());
            long nonce = (long) connection << 40;
            long id = 10;
            while (!Thread.currentThread().isInterrupted()) {
                if (!loading) {
                    Thread.sleep(20);
                    continue;
                }
                if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                String line = "{\"id\":" + id++ + ",\"method\":\"mining.submit\",\"params\":[\"" + user + "\",\"" + pool.job.id()
                        + "\",\"00000000\",\"" + ntime + "\",\"" + String.format("%016x", nonce++) + "\"]}\n";
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (Exception e) {
            // interrupted at the end
        }
    }

}

package io.numicoin.pool.client;

import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar pool-service-exec.jar cpuminer HOST:PORT USER [THREADS] [NETWORK]}: the bundled CPU miner ({@code ./numi devnet --pool} starts it against the pool). Reconnects
 * every 5 s while the pool is away; prints its counts every minute.
 */
public final class CpuMinerMain {

    private CpuMinerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CpuMinerMain HOST:PORT ADDRESS[.WORKER] [THREADS] [regtest|testnet|mainnet]");
            System.exit(2);
        }
        String[] hostPort = args[0].split(":", 2);
        InetSocketAddress pool = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        NetworkParams params = NetworkParams.of(args.length > 3 ? Network.valueOf(args[3].toUpperCase(java.util.Locale.ROOT)) : Network.REGTEST);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        while (stop.getCount() > 0) {
            try (CpuMiner miner = new CpuMiner(pool, args[1], params.pow(), threads)) {
                System.out.println("cpuminer: mining on " + args[0] + " as " + args[1] + " with " + threads + " thread(s)");
                while (miner.connected() && !stop.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    System.out.println("cpuminer: " + miner.accepted() + " accepted, " + miner.stale() + " stale, " + miner.rejected()
                            + " refused, " + miner.hashes() + " hashes");
                }
            } catch (java.io.IOException e) {
                System.out.println("cpuminer: " + e.getMessage() + "; retrying in 5 s");
            }
            stop.await(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}

package io.numicoin.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.miner.mining.Work;
import io.numicoin.miner.pow.JavaPowHasher;
import io.numicoin.pool.share.ShareListener;
import io.numicoin.pool.share.ShareResult;
import io.numicoin.pool.share.ShareSubmission;
import io.numicoin.pool.share.ShareValidator;
import io.numicoin.pool.share.ShareVerdict;
import io.numicoin.pool.share.VardiffSettings;
import io.numicoin.pool.stratum.StratumMetrics;
import io.numicoin.pool.stratum.StratumServer;
import io.numicoin.pool.stratum.StratumSettings;
import io.numicoin.pool.work.JobBook;
import io.numicoin.pool.work.PoolJob;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.testkit.TestKeys;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pool's Stratum server as the benchmarks run it: mainnet Argon2id, one job (coinbase only, with
 * a target of 2^200, so no share solves a block and retires it), no ledger; every checked share counted.
 */
final class BenchStratumPool implements AutoCloseable {

    static final NetworkParams MAINNET = NetworkParams.mainnet();

    final StratumServer server;
    final AtomicLong checked = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    /** Every verdict given, for the progress line (a check that did not run Argon2 must not count). */
    final java.util.Map<ShareVerdict, Long> verdicts = new java.util.concurrent.ConcurrentHashMap<>();
    final PoolJob job;

    BenchStratumPool(int validationThreads, int maxConnections, double submitsPerSecond, int inFlight) throws Exception {
        JobBook jobs = new JobBook(16, 10_000_000);
        List<Transaction> txs = List.of(new CoinbaseTx(MAINNET.chainId(), 1, TestKeys.address(1), Amount.ofUnits(8_888_000_000L),
                Bytes.EMPTY));
        BlockHeader header = new BlockHeader(1, 1, MAINNET.genesisId(), MerkleTree.root(txs), Hash256.ZERO,
                Clock.systemUTC().millis() / 1000, io.numicoin.protocol.pow.CompactTarget.fromTarget(java.math.BigInteger.ONE.shiftLeft(200)), 0);
        job = PoolJob.of(1, new Work(1, new Block(header, txs), Amount.ZERO), true);
        jobs.publish(job);
        ShareValidator validator = new ShareValidator(jobs, () -> new JavaPowHasher(MAINNET.pow()), Clock.systemUTC(), 120);
        ShareListener counting = new ShareListener() {
            @Override
            public void checked(ShareSubmission share, ShareResult result) {
                checked.incrementAndGet();
                verdicts.merge(result.verdict(), 1L, Long::sum);
                if (result.verdict().accepted()) {
                    accepted.incrementAndGet();
                }
            }

            @Override
            public void refusedUnchecked(String address, String worker, ShareVerdict verdict) {
            }
        };
        StratumSettings settings = new StratumSettings(InetAddress.getLoopbackAddress(), 0, 4096, Duration.ofHours(1),
                Duration.ofHours(1), maxConnections, maxConnections, 8, submitsPerSecond, (int) Math.min(1_000_000, submitsPerSecond),
                inFlight, Duration.ofSeconds(60), 1_000_000, Duration.ofMinutes(10), 5,
                new VardiffSettings(Duration.ofHours(1), Duration.ofHours(1), 1_000_000, 1, 1, 4), 1);
        server = new StratumServer(settings, MAINNET.hrp(), jobs, validator, counting, validationThreads, 256,
                new StratumMetrics(new SimpleMeterRegistry(), () -> 0));
        server.start();
    }

    int port() {
        return server.localPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}

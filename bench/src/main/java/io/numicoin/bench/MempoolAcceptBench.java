package io.numicoin.bench;

import io.numicoin.mempool.pool.AccountState;
import io.numicoin.mempool.pool.AddResult;
import io.numicoin.mempool.pool.Admission;
import io.numicoin.mempool.pool.ChainTip;
import io.numicoin.mempool.pool.Mempool;
import io.numicoin.mempool.pool.PoolLimits;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Transactions accepted per second by the mempool's admission path ({@link Admission}: encoding,
 * txid, stateless rules with the ML-DSA-65 signature, account lookup, the pool's state rules and
 * insertion) on one thread per available processor, each thread offering its senders' transactions
 * in nonce order into a fresh pool per round; and its ratio to the all-core signature verification
 * rate ({@link SignatureLimit}) measured in the same run, in {@link InterleavedRatio} windows with
 * the acceptance windows ({@code mempool.accept.over_sig_limit}: median, min, max; target at least 0.5). The
 * account source is an in-memory map: the node's API is not part of the measurement.
 */
final class MempoolAcceptBench implements BenchPart {

    private static final int SENDERS = 64;
    private static final int NONCES = 32;

    @Override
    public String name() {
        return "mempool accept";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<List<TransferTx>> bySender = sign(pool);
            int total = SENDERS * NONCES;
            TransactionRules rules = new TransactionRules(ChainBuilder.regtest().params().chainId(), MlDsaProviders.preferred());
            AccountState rich = new AccountState(Amount.ofUnits(1_000_000_000_000L), 0);
            round(pool, threads, bySender, rules, rich);
            SignatureLimit limit = SignatureLimit.prepare();
            long[] accepted = new long[1];
            InterleavedRatio.Rate accept = round -> {
                long start = System.nanoTime();
                long deadline = start + SignatureLimit.WINDOW.toNanos();
                long count = 0;
                while (System.nanoTime() < deadline) {
                    count += round(pool, threads, bySender, rules, rich);
                }
                accepted[0] += count;
                return count / ((System.nanoTime() - start) / 1e9);
            };
            InterleavedRatio.Result overLimit = InterleavedRatio.measure(1, 7, accept, limit::perSecond);
            if (accepted[0] % total != 0) {
                throw new IllegalStateException("not every transaction was accepted: " + accepted[0]);
            }
            out.report(new Figure("mempool.accept.tx_per_s", overLimit.medianA(), "tx/s"));
            out.report(new Figure("mempool.accept.sig_verify_per_s", overLimit.medianB(), "verify/s"));
            overLimit.report(out, "mempool.accept.over_sig_limit");
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<List<TransferTx>> sign(ExecutorService pool) throws Exception {
        ChainBuilder chain = ChainBuilder.regtest();
        Address to = TestKeys.address(999);
        List<Future<List<TransferTx>>> futures = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int key = 1000 + s;
            futures.add(pool.submit(() -> {
                List<TransferTx> txs = new ArrayList<>(NONCES);
                for (int n = 1; n <= NONCES; n++) {
                    txs.add(chain.transfer(key, to, 1000, 20_000 + n, n));
                }
                return txs;
            }));
        }
        List<List<TransferTx>> bySender = new ArrayList<>();
        for (Future<List<TransferTx>> future : futures) {
            bySender.add(future.get());
        }
        return bySender;
    }

    /** Offers every transaction into a fresh pool; returns how many were accepted. */
    private static long round(ExecutorService pool, int threads, List<List<TransferTx>> bySender, TransactionRules rules,
            AccountState rich) throws Exception {
        Mempool mempool = new Mempool(PoolLimits.DEFAULTS, Clock.systemUTC(), new ChainTip(Hash256.ZERO, 1));
        Admission admission = new Admission(rules, address -> rich, mempool);
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            futures.add(pool.submit(() -> {
                long ok = 0;
                long now = System.currentTimeMillis();
                for (int s = first; s < bySender.size(); s += threads) {
                    for (TransferTx tx : bySender.get(s)) {
                        AddResult result = admission.offer(tx, now);
                        if (result.isAccepted()) {
                            ok++;
                        }
                    }
                }
                return ok;
            }));
        }
        long accepted = 0;
        for (Future<Long> future : futures) {
            accepted += future.get();
        }
        return accepted;
    }
}

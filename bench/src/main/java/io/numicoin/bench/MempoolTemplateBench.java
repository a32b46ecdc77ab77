package io.numicoin.bench;

import io.numicoin.mempool.pool.AccountState;
import io.numicoin.mempool.pool.ChainTip;
import io.numicoin.mempool.pool.Mempool;
import io.numicoin.mempool.pool.PoolEntry;
import io.numicoin.mempool.pool.PoolLimits;
import io.numicoin.mempool.pool.Template;
import io.numicoin.mempool.pool.TemplateBuilder;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.testkit.TestKeys;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.List;
import java.util.Random;

/**
 * Block template build time with 100,000 pending transactions of 20,000 senders (5 nonces each,
 * seeded random fees), real-sized (one ML-DSA-65 key and signature each), choosing up to
 * 2 MiB − 4 KiB / 9,999 transactions: the median of 30 templates after 10 warm-ups, each after
 * {@value #CHANGES} replacements (each a sender's first transaction, so its candidate changes), wall
 * time and the building thread's CPU time ({@code mempool.template_100k_ms}); a template with no change
 * since the last ({@code _unchanged_ms}); and the rebuild from every sender's run that the pool did
 * before it kept its candidates ({@code _rebuild_ms}), checked equal. The transactions go into the pool
 * core directly (their signatures are placeholders: admission is measured by {@link MempoolAcceptBench}).
 */
final class MempoolTemplateBench implements BenchPart {

    private static final int SENDERS = 20_000;
    private static final int NONCES = 5;
    private static final int BUILDS = 30;
    /** Transactions replaced between two templates (each changes a sender's first candidate). */
    private static final int CHANGES = 200;

    private final long[] firstFees = new long[SENDERS];

    @Override
    public String name() {
        return "mempool template 100k";
    }

    @Override
    public void run(FigureSink out) {
        Mempool pool = new Mempool(PoolLimits.DEFAULTS.withMaxBytes(2_000_000_000L), Clock.systemUTC(), new ChainTip(Hash256.ZERO, 1));
        Random random = new Random(42);
        List<TxSignature> signature = List.of(new TxSignature(0, new MlDsaSignature(Bytes.of(new byte[MlDsaSignature.SIZE]))));
        AccountState account = new AccountState(Amount.ofUnits(1_000_000_000_000L), 0);
        long now = System.currentTimeMillis();
        for (int s = 0; s < SENDERS; s++) {
            Address sender = sender(s);
            for (int n = 1; n <= NONCES; n++) {
                long fee = 6_000 + random.nextInt(500_000);
                if (n == 1) {
                    firstFees[s] = fee;
                }
                TransferTx tx = new TransferTx(1, sender, n, TestKeys.address(1), Amount.ofUnits(1),
                        Amount.ofUnits(fee), 0, Bytes.EMPTY, TestKeys.policy(1), signature);
                if (!pool.add(PoolEntry.of(tx, now), account).isAccepted()) {
                    throw new IllegalStateException("setup transaction refused");
                }
            }
        }
        if (pool.count() != SENDERS * NONCES) {
            throw new IllegalStateException("pool has " + pool.count());
        }
        long maxBytes = ProtocolLimits.MAX_BLOCK_BYTES - 4096;
        int maxTx = ProtocolLimits.MAX_BLOCK_TRANSACTIONS - 1;
        for (int i = 0; i < 10; i++) {
            pool.template(maxBytes, maxTx);
            TemplateBuilder.build(pool.tip(), pool.includableRuns(), maxBytes, maxTx);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] millis = new double[BUILDS];
        double[] cpuMillis = new double[BUILDS];
        double[] unchangedMillis = new double[BUILDS];
        double[] rebuildMillis = new double[BUILDS];
        int chosen = 0;
        for (int i = 0; i < BUILDS; i++) {
            replaceSome(pool, random, signature, account, now);
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Template template = pool.template(maxBytes, maxTx);
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpuMillis[i] = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            chosen = template.transactions().size();
            start = System.nanoTime();
            pool.template(maxBytes, maxTx);
            unchangedMillis[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            Template rebuilt = TemplateBuilder.build(pool.tip(), pool.includableRuns(), maxBytes, maxTx);
            rebuildMillis[i] = (System.nanoTime() - start) / 1e6;
            if (!rebuilt.equals(template)) {
                throw new IllegalStateException("the kept template differs from the rebuilt one");
            }
        }
        out.report(new Figure("mempool.template_100k_ms", Percentiles.median(millis), "ms"));
        // the building thread's CPU time: what the wall time would be on an idle core (the machine may be shared)
        out.report(new Figure("mempool.template_100k_cpu_ms", Percentiles.median(cpuMillis), "ms"));
        out.report(new Figure("mempool.template_100k_unchanged_ms", Percentiles.median(unchangedMillis), "ms"));
        out.report(new Figure("mempool.template_100k_rebuild_ms", Percentiles.median(rebuildMillis), "ms"));
        out.report(new Figure("mempool.template_100k_changes_between", CHANGES, "tx"));
        out.report(new Figure("mempool.template_100k_tx", chosen, "tx"));
    }

    /** {@link #CHANGES} replacements of a random sender's first pending transaction by one paying twice the fee. */
    private void replaceSome(Mempool pool, Random random, List<TxSignature> signature, AccountState account, long now) {
        for (int c = 0; c < CHANGES; c++) {
            int s = random.nextInt(SENDERS);
            Address sender = sender(s);
            firstFees[s] *= 2;
            TransferTx tx = new TransferTx(1, sender, 1, TestKeys.address(2), Amount.ofUnits(1),
                    Amount.ofUnits(firstFees[s]), 0, Bytes.EMPTY, TestKeys.policy(1), signature);
            if (!pool.add(PoolEntry.of(tx, now), account).isAccepted()) {
                throw new IllegalStateException("replacement refused");
            }
        }
    }

    private static Address sender(int s) {
        byte[] hash = new byte[32];
        hash[0] = (byte) (s >> 16);
        hash[1] = (byte) (s >> 8);
        hash[2] = (byte) s;
        return new Address(Hash256.of(hash));
    }
}

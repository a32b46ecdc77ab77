package io.numicoin.bench;

import io.numicoin.mempool.pool.AccountState;
import io.numicoin.mempool.pool.ChainTip;
import io.numicoin.mempool.pool.Mempool;
import io.numicoin.mempool.pool.PoolEntry;
import io.numicoin.mempool.pool.PoolLimits;
import io.numicoin.mempool.pool.Template;
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
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Block template build time with 100,000 pending transactions of 20,000 senders (5 nonces each,
 * seeded random fees), real-sized (one ML-DSA-65 key and signature each): the median of 30 builds
 * after 10 warm-ups, each taking the senders' includable runs from the pool and choosing up to
 * 2 MiB − 4 KiB / 9,999 transactions; wall time and the building thread's CPU time. The transactions go into the pool core directly (their
 * signatures are placeholders: admission is measured by {@link MempoolAcceptBench}).
 */
final class MempoolTemplateBench implements BenchPart {

    private static final int SENDERS = 20_000;
    private static final int NONCES = 5;

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
            byte[] hash = new byte[32];
            hash[0] = (byte) (s >> 16);
            hash[1] = (byte) (s >> 8);
            hash[2] = (byte) s;
            Address sender = new Address(Hash256.of(hash));
            for (int n = 1; n <= NONCES; n++) {
                TransferTx tx = new TransferTx(1, sender, n, TestKeys.address(1), Amount.ofUnits(1),
                        Amount.ofUnits(6_000 + random.nextInt(500_000)), 0, Bytes.EMPTY, TestKeys.policy(1), signature);
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
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] millis = new double[30];
        double[] cpuMillis = new double[30];
        int chosen = 0;
        for (int i = 0; i < millis.length; i++) {
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Template template = pool.template(maxBytes, maxTx);
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpuMillis[i] = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            chosen = template.transactions().size();
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        out.report(new Figure("mempool.template_100k_ms", millis[millis.length / 2], "ms"));
        // the building thread's CPU time: what the wall time would be on an idle core (the machine may be shared)
        out.report(new Figure("mempool.template_100k_cpu_ms", cpuMillis[cpuMillis.length / 2], "ms"));
        out.report(new Figure("mempool.template_100k_tx", chosen, "tx"));
    }
}

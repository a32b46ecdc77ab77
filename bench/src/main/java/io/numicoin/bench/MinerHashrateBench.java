package io.numicoin.bench;

import io.numicoin.miner.mining.MiningEngine;
import io.numicoin.miner.mining.Work;
import io.numicoin.miner.pow.JavaPowHasher;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.testkit.TestKeys;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code miner.hashrate.per_s}: proof-of-work hashes per wall-clock second of the miner's
 * {@link MiningEngine} with one thread per available processor, mainnet Argon2id cost (4 MiB,
 * t = 1, p = 1), pure-Java Argon2 (the default), on a target nothing meets.
 */
final class MinerHashrateBench implements BenchPart {

    private static final double WARMUP_SECONDS = 4;
    private static final double MEASURE_SECONDS = 10;

    @Override
    public String name() {
        return "miner hashrate (all threads, mainnet Argon2)";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        NetworkParams mainnet = NetworkParams.mainnet();
        int threads = Runtime.getRuntime().availableProcessors();
        try (MiningEngine engine = new MiningEngine(threads, () -> new JavaPowHasher(mainnet.pow()), found -> { })) {
            engine.mine(unreachableWork(mainnet));
            Thread.sleep((long) (WARMUP_SECONDS * 1000));
            long startHashes = engine.hashCount();
            long start = System.nanoTime();
            Thread.sleep((long) (MEASURE_SECONDS * 1000));
            long hashes = engine.hashCount() - startHashes;
            double seconds = (System.nanoTime() - start) / 1e9;
            engine.pause();
            out.report("miner.hashrate.per_s", hashes / seconds, "per_s");
            out.report("miner.hashrate.threads", threads, "count");
        }
    }

    /** Mainnet work at the smallest target: every nonce is tried, none wins. */
    static Work unreachableWork(NetworkParams params) {
        CoinbaseTx coinbase = new CoinbaseTx(params.chainId(), 1, TestKeys.address(1), Amount.ofUnits(1), Bytes.EMPTY);
        BlockHeader header = new BlockHeader(1, 1, params.genesisId(), Hash256.ZERO, Hash256.ZERO,
                params.genesis().header().timestamp() + 30, CompactTarget.fromTarget(BigInteger.ONE), 0);
        return new Work(1, new Block(header, List.of(coinbase)), Amount.ZERO);
    }
}

package io.numicoin.miner.mining;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.miner.pow.JavaPowHasher;
import io.numicoin.miner.pow.PowHasher;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.pow.PowCheck;
import io.numicoin.protocol.pow.header.ProofOfWork;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.testkit.TestKeys;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MiningEngineTest {

    private static final NetworkParams PARAMS = NetworkParams.regtest();

    private static Work work(long generation, CompactTarget target) {
        CoinbaseTx coinbase = new CoinbaseTx(PARAMS.chainId(), 1, TestKeys.address(1), Amount.ofUnits(1), Bytes.EMPTY);
        BlockHeader header = new BlockHeader(1, 1, PARAMS.genesisId(), Hash256.ZERO, Hash256.ZERO,
                PARAMS.genesis().header().timestamp() + 1, target, 0);
        return new Work(generation, new Block(header, List.of(coinbase)), Amount.ZERO);
    }

    @Test
    void findsAValidRegtestBlockQuickly() throws Exception {
        LinkedBlockingQueue<FoundBlock> found = new LinkedBlockingQueue<>();
        try (MiningEngine engine = new MiningEngine(2, () -> new JavaPowHasher(PARAMS.pow()), found::add)) {
            Work work = work(1, PARAMS.genesis().header().target());
            engine.mine(work);
            FoundBlock block = found.poll(20, TimeUnit.SECONDS);
            assertThat(block).isNotNull();
            assertThat(block.work()).isSameAs(work);
            assertThat(new ProofOfWork(PARAMS.pow()).verify(block.header())).isEqualTo(PowCheck.VALID);
            assertThat(block.powHash()).isEqualTo(new ProofOfWork(PARAMS.pow()).powHash(block.header()));
            assertThat(block.header().withNonce(0)).isEqualTo(work.block().header());
            assertThat(engine.current()).as("the threads stop after a find").isEmpty();
            assertThat(engine.hashCount()).isPositive();
            Thread.sleep(200);
            assertThat(found).as("one find per work").isEmpty();
        }
    }

    @Test
    void eachThreadHashesItsOwnRangeInOrder() throws Exception {
        Map<String, List<Long>> noncesByThread = new ConcurrentHashMap<>();
        PowHasherFactory recording = new PowHasherFactory(noncesByThread);
        int threads = 3;
        try (MiningEngine engine = new MiningEngine(threads, recording::create, f -> { })) {
            engine.mine(work(1, CompactTarget.fromTarget(BigInteger.ONE))); // nothing meets it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (noncesByThread.size() < threads || noncesByThread.values().stream().anyMatch(l -> l.size() < 5)) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(20);
            }
            engine.pause();
            Thread.sleep(100);
            List<NonceRange> ranges = engine.ranges();
            List<Long> starts = new ArrayList<>();
            for (List<Long> nonces : noncesByThread.values()) {
                long first = nonces.getFirst();
                starts.add(first);
                for (int i = 1; i < nonces.size(); i++) {
                    assertThat(nonces.get(i)).isEqualTo(first + i);
                }
            }
            starts.sort(Long::compareUnsigned);
            assertThat(starts).containsExactly(ranges.get(0).start(), ranges.get(1).start(), ranges.get(2).start());
        }
    }

    @Test
    void newWorkReplacesTheOld() throws Exception {
        LinkedBlockingQueue<FoundBlock> found = new LinkedBlockingQueue<>();
        try (MiningEngine engine = new MiningEngine(1, () -> new JavaPowHasher(PARAMS.pow()), found::add)) {
            engine.mine(work(1, CompactTarget.fromTarget(BigInteger.ONE)));
            Thread.sleep(100);
            Work easy = work(2, PARAMS.genesis().header().target());
            engine.mine(easy);
            FoundBlock block = found.poll(20, TimeUnit.SECONDS);
            assertThat(block).isNotNull();
            assertThat(block.work().generation()).isEqualTo(2);
        }
    }

    /** Real Java PoW, recording the nonce of every header hashed, per thread. */
    private record PowHasherFactory(Map<String, List<Long>> noncesByThread) {

        PowHasher create() {
            JavaPowHasher real = new JavaPowHasher(PARAMS.pow());
            List<Long> mine = Collections.synchronizedList(new ArrayList<>());
            noncesByThread.put(Thread.currentThread().getName(), mine);
            return header -> {
                mine.add(ByteBuffer.wrap(header, BlockHeaderCodec.SIZE - 8, 8).getLong());
                return real.powHash(header);
            };
        }
    }
}

package io.numicoin.miner.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.miner.assembly.BlockAssembler;
import io.numicoin.miner.assembly.BlockTemplate;
import io.numicoin.miner.assembly.InMemoryStateCommitments;
import io.numicoin.miner.assembly.WindowHeaderChain;
import io.numicoin.miner.mining.MiningEngine;
import io.numicoin.miner.pow.JavaPowHasher;
import io.numicoin.miner.status.MinerHealthIndicator;
import io.numicoin.miner.status.MinerMetrics;
import io.numicoin.miner.status.MinerState;
import io.numicoin.miner.status.MinerStatus;
import io.numicoin.miner.upstream.BlockSubmitter;
import io.numicoin.miner.upstream.MempoolClient;
import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.HashDomain;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.InMemoryAccountState;
import io.numicoin.support.node.NodeApiClient;
import io.numicoin.testkit.InMemoryChain;
import io.numicoin.testkit.TestKeys;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import io.numicoin.support.httpclient.JsonHttpClient;

/**
 * The job with real parts: testnet (mainnet's Argon2 cost) and its initial target, the pow limit
 * (about 256 hashes per block, so there is time to interrupt it; mainnet's block 1 carries the launch's
 * initial target, far harder), blocks assembled by the real assembler over the empty genesis
 * state and submitted to a real in-memory validator; or real HTTP clients pointed at a closed port.
 */
class MiningJobTest {

    private static final NetworkParams NETWORK = NetworkParams.testnet();

    /** Templates on mainnet genesis with no transfers; counts the calls. */
    private static final class GenesisWork implements WorkSource {
        final AtomicInteger templates = new AtomicInteger();
        final BlockAssembler assembler = new BlockAssembler(NETWORK, TestKeys.address(4),
                new InMemoryStateCommitments(id -> InMemoryAccountState.empty(), NETWORK.subsidy()));

        @Override
        public BlockTemplate template() {
            templates.incrementAndGet();
            return BlockTemplate.empty(NETWORK.genesisId(), 0);
        }

        @Override
        public Block build(BlockTemplate template) {
            return assembler.assemble(template, new WindowHeaderChain(NETWORK.genesis().header(), List.of(), h -> null),
                    Clock.systemUTC().millis() / 1000);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aTipChangeEventRefreshesTheWorkAndAFoundBlockIsSubmittedAndValid() throws Exception {
        GenesisWork work = new GenesisWork();
        InMemoryChain validator = new InMemoryChain(NETWORK);
        AtomicReference<BlockImportResult> imported = new AtomicReference<>();
        BlockSubmitter submitter = block -> {
            BlockImportResult result = validator.importBlock(block, Clock.systemUTC().millis() / 1000);
            imported.compareAndSet(null, result);
            return new NodeClient.SubmitResult(result.outcome() != BlockImportResult.Outcome.INVALID, result.outcome().name(), "");
        };
        AtomicReference<MiningJob> job = new AtomicReference<>();
        MinerStatus status = new MinerStatus();
        MiningEngine engine = new MiningEngine(1, () -> new JavaPowHasher(NETWORK.pow()), found -> job.get().blockFound(found));
        MinerMetrics metrics = new MinerMetrics(new SimpleMeterRegistry(), engine::hashCount);
        job.set(new MiningJob(work, submitter, engine, status, metrics, Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofSeconds(1)));
        job.get().start();
        try {
            await(() -> status.snapshot().state() == MinerState.MINING, "mining");
            long generationBefore = engine.current().map(w -> w.generation()).orElse(0L);

            job.get().tipChanged(Blake3.hash(HashDomain.BLOCK, new byte[] {1}), 1);

            await(() -> metrics.refreshCount("tip") == 1, "a refresh caused by the tip event");
            await(() -> work.templates.get() >= 2, "a second template");
            await(() -> engine.current().map(w -> w.generation()).orElse(0L) > generationBefore, "new work");

            await(() -> imported.get() != null, "a found block");
            assertThat(imported.get().outcome()).as("%s", imported.get().rejection()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
            assertThat(metrics.foundCount()).isGreaterThanOrEqualTo(1);
            assertThat(metrics.submissionCount(true)).isGreaterThanOrEqualTo(1);
            assertThat(validator.state().immatureReward(1)).hasValueSatisfying(r -> {
                assertThat(r.recipient()).isEqualTo(TestKeys.address(4));
                assertThat(r.amount()).isEqualTo(NETWORK.subsidy().subsidyAt(1));
            });
        } finally {
            job.get().stop();
        }
    }

    @Test
    void withTheMempoolDownTheJobBacksOffAndHealthSaysWhy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        NetworkParams regtest = NetworkParams.regtest();
        NodeClient node = new NodeClient(new NodeApiClient(nowhere, Duration.ofSeconds(1)), Duration.ofSeconds(1));
        MempoolClient mempool = new MempoolClient(JsonHttpClient.to("mempool", nowhere).timeout(Duration.ofSeconds(1)).build());
        WorkBuilder builder = new WorkBuilder(regtest, mempool, node,
                new BlockAssembler(regtest, TestKeys.address(4), block -> { throw new AssertionError("never reached"); }),
                Clock.systemUTC(), 1000, 10);
        MinerStatus status = new MinerStatus();
        MiningEngine engine = new MiningEngine(1, () -> new JavaPowHasher(regtest.pow()), found -> { });
        MinerMetrics metrics = new MinerMetrics(new SimpleMeterRegistry(), engine::hashCount);
        MiningJob job = new MiningJob(builder, node, engine, status, metrics, Duration.ofSeconds(1),
                Duration.ofMillis(100), Duration.ofMillis(400));
        MinerHealthIndicator health = new MinerHealthIndicator(status);
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        long started = System.nanoTime();
        job.start();
        try {
            await(() -> status.snapshot().consecutiveFailures() >= 4, "four failed rounds");
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // waits of 100 + 200 + 400 ms come before the fourth failure: backing off, not spinning
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(700);
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("state", "RETRYING").containsEntry("upstream", "mempool");
            assertThat((String) down.getDetails().get("reason")).contains("mempool GET").contains("connection refused")
                    .contains("/api/v1/template");
            assertThat(engine.current()).isEmpty();
            assertThat(engine.hashCount()).isZero();
        } finally {
            job.stop();
        }
    }
}

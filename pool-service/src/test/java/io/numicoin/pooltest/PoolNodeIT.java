package io.numicoin.pooltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.pool.client.CpuMiner;
import io.numicoin.pool.client.FoundShare;
import io.numicoin.pool.client.ShareSearch;
import io.numicoin.pool.client.StratumJob;
import io.numicoin.pool.work.CoinbaseParts;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.header.ProofOfWork;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.testkit.TestKeys;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import io.numicoin.support.httpclient.JsonHttpClient;

/**
 * The pool end to end against a real node and a real mempool: the bundled CPU miner and hand-driven
 * Stratum sessions mine regtest shares and blocks through the pool on the mempool's templates, the
 * node connects the blocks, refusals carry their Stratum codes, an invalid-share flood is banned
 * while an honest miner keeps mining, and after coinbase maturity the pool pays the PPLNS credits
 * from its keystore key: the transfers go through the node and the mempool into blocks the pool
 * mines, the ledger marks them confirmed, and each miner's credits check against its shares.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoolNodeIT {

    private static final NetworkParams REGTEST = NetworkParams.regtest();
    private static final String ALICE = AddressFormat.encode(TestKeys.address(21), REGTEST.hrp());
    private static final String BOB = AddressFormat.encode(TestKeys.address(22), REGTEST.hrp());
    private static final String MALLORY = AddressFormat.encode(TestKeys.address(23), REGTEST.hrp());
    private static final long FEE_BPS = 100;
    private static final long PAYOUT_FEE = 10_000;

    private static PoolBesideNode stack;
    private static final ProofOfWork POW = new ProofOfWork(REGTEST.pow());

    @BeforeAll
    static void start() throws Exception {
        stack = new PoolBesideNode(
                "--numi.pool.window-weight=2000",
                "--numi.pool.fee-basis-points=" + FEE_BPS,
                "--numi.pool.min-payout=1",
                "--numi.pool.payout-fee=" + PAYOUT_FEE,
                "--numi.pool.payout-interval=1s",
                "--numi.stratum.submits-per-second=50",
                "--numi.stratum.submit-burst=100",
                "--numi.stratum.invalid-limit=20",
                "--numi.vardiff.target-interval=200ms",
                "--numi.vardiff.retarget-interval=2s",
                "--numi.vardiff.start-difficulty=1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    private static JsonNode pool(String path) {
        return stack.poolApi.getJson(path);
    }

    @Test
    @Order(1)
    void theBundledMinerMinesSharesAndBlocksThatTheNodeConnects() throws Exception {
        long start = stack.nodeHeight();
        try (CpuMiner miner = new CpuMiner(stack.stratum, ALICE + ".rig1", REGTEST.pow(), 1)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> miner.accepted() >= 10 && stack.nodeHeight() >= start + 3);
        }
        // the node's block at start + 1 pays the pool's key, its memo carries the pool tag and the extranonces
        JsonNode block = stack.nodeApi.getJson("/api/v1/blocks/height/" + (start + 1));
        JsonNode coinbase = stack.nodeApi.getJson("/api/v1/transactions/" + block.path("txIds").path(0).asString());
        assertThat(coinbase.path("recipient").asString()).isEqualTo(AddressFormat.encode(stack.key.address(), REGTEST.hrp()));
        assertThat(coinbase.path("amount").path("units").asLong()).isEqualTo(8_888_000_000L);

        JsonNode blocks = pool("/api/v1/pool/blocks");
        assertThat(blocks.size()).isGreaterThanOrEqualTo(3);
        JsonNode ledger = pool("/api/v1/pool/miners/" + ALICE);
        assertThat(ledger.path("credits").size()).isGreaterThanOrEqualTo(3);
        for (JsonNode credit : ledger.path("credits")) {
            if (credit.path("blockStatus").asString().equals("SUBMITTED")) {
                // Alice is the only miner so far: the whole reward less the pool's 1 %
                long reward = credit.path("reward").asLong();
                assertThat(credit.path("poolFee").asLong()).isEqualTo(reward * FEE_BPS / 10_000);
                assertThat(credit.path("amount").asLong()).isEqualTo(reward - reward * FEE_BPS / 10_000);
                // the shares the ledger shows Alice for that block's window weigh what the credit says
                JsonNode shares = pool("/api/v1/pool/miners/" + ALICE + "/shares?from=" + credit.path("firstShareId").asLong()
                        + "&to=" + credit.path("lastShareId").asLong());
                long weight = 0;
                for (JsonNode share : shares) {
                    weight += share.path("difficulty").asLong();
                }
                assertThat(weight).isGreaterThanOrEqualTo(credit.path("weight").asLong());
            }
        }
        JsonNode summary = pool("/api/v1/pool");
        assertThat(summary.path("shares").path("accepted").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(summary.path("ledger").path("blocksFound").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode workers = pool("/api/v1/pool/workers?address=" + ALICE);
        assertThat(workers.path(0).path("worker").asString()).isEqualTo("rig1");
        assertThat(workers.path(0).path("hashrate").asDouble()).isPositive();

        // UP with the miner stopped: a template a moment behind the node after each block is retried, not an outage
        JsonHttpClient management = JsonHttpClient.to("pool", URI.create(stack.managementBase())).build();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(management.getJson("/actuator/health").path("status").asString()).isEqualTo("UP"));
    }

    @Test
    @Order(2)
    void refusalsCarryTheirStratumCodes() throws Exception {
        try (RawSession early = new RawSession(stack.stratum)) {
            JsonNode answer = early.call("mining.submit", BOB, "00", "00000000", "0000000000000000", "0000000000000000");
            assertThat(RawSession.code(answer)).as("not subscribed").isEqualTo(25);
        }
        try (RawSession bob = new RawSession(stack.stratum)) {
            JsonNode subscribed = bob.subscribe();
            assertThat(subscribed.path("result").path(2).asInt()).isEqualTo(CoinbaseParts.EXTRANONCE2_SIZE);
            assertThat(bob.call("mining.authorize", BOB + ".raw", "x").path("result").asBoolean()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> bob.job.get() != null && bob.difficulty.get() != null);
            StratumJob job = bob.job.get();

            assertThat(RawSession.code(bob.call("mining.authorize", "not-an-address", "x"))).as("bad username").isEqualTo(24);
            assertThat(RawSession.code(bob.call("mining.submit", BOB + ".other", job.id(), "00000000", "0000000000000000",
                    "0000000000000000"))).as("unauthorized worker").isEqualTo(24);
            assertThat(RawSession.code(bob.call("mining.submit", BOB + ".raw", job.id(), "00000000", "00000000",
                    "zz00000000000000"))).as("malformed").isEqualTo(-32602);
            assertThat(RawSession.code(bob.call("mining.submit", BOB + ".raw", "ffffffffff", "00000000",
                    String.format("%016x", job.ntime()), "0000000000000000"))).as("unknown job").isEqualTo(21);
            bob.client.sendLine("{\"id\":99,\"method\":");
            // a share (difficulty 1) that solves no block: accepted once, a duplicate the second time
            BigInteger blockTarget = job.target().toTarget();
            Predicate<Hash256> notABlock = h -> new BigInteger(1, h.toArray()).compareTo(blockTarget) > 0;
            FoundShare share = new ShareSearch(POW).search(job, bob.extranonce1, Bytes.fromHex("00000001"), 0, notABlock, () -> false)
                    .orElseThrow();
            JsonNode first = bob.call("mining.submit", share.submitParams(BOB + ".raw"));
            if (RawSession.code(first) == 21) {
                return; // the bundled miner's last block moved the tip just now: nothing to check on this job
            }
            assertThat(first.path("result").asBoolean()).as("first submit: %s", first).isTrue();
            assertThat(RawSession.code(bob.call("mining.submit", share.submitParams(BOB + ".raw")))).as("duplicate").isEqualTo(22);

            // a block-solving share moves the tip; the old job is then stale
            Predicate<Hash256> aBlock = h -> new BigInteger(1, h.toArray()).compareTo(blockTarget) <= 0;
            FoundShare block = new ShareSearch(POW).search(job, bob.extranonce1, Bytes.fromHex("00000002"), 0, aBlock, () -> false)
                    .orElseThrow();
            long height = stack.nodeHeight();
            assertThat(bob.call("mining.submit", block.submitParams(BOB + ".raw")).path("result").asBoolean()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.nodeHeight() > height && bob.job.get() != job && bob.job.get().clean());
            FoundShare late = new ShareSearch(POW).search(job, bob.extranonce1, Bytes.fromHex("00000003"), 0, h -> true, () -> false)
                    .orElseThrow();
            assertThat(RawSession.code(bob.call("mining.submit", late.submitParams(BOB + ".raw")))).as("stale").isEqualTo(21);
        }
        try (RawSession picky = new RawSession(stack.stratum)) {
            picky.subscribe();
            assertThat(picky.call("mining.suggest_difficulty", 1_000_000).path("result").asBoolean()).isTrue();
            assertThat(picky.call("mining.authorize", BOB + ".picky", "x").path("result").asBoolean()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> picky.job.get() != null && picky.difficulty.get() != null);
            assertThat(picky.difficulty.get()).isEqualTo(1_000_000.0);
            StratumJob job = picky.job.get();
            BigInteger blockTarget = job.target().toTarget();
            BigInteger shareTarget = ShareSearch.target(1_000_000);
            FoundShare weak = new ShareSearch(POW).search(job, picky.extranonce1, Bytes.fromHex("00000000"), 0,
                    h -> new BigInteger(1, h.toArray()).compareTo(blockTarget.max(shareTarget)) > 0, () -> false).orElseThrow();
            int code = RawSession.code(picky.call("mining.submit", weak.submitParams(BOB + ".picky")));
            assertThat(code).as("low difficulty (or stale if the tip moved)").isIn(23, 21);
        }
        JsonNode bobs = pool("/api/v1/pool/workers?address=" + BOB);
        long invalid = 0;
        for (JsonNode w : bobs) {
            invalid += w.path("invalid").asLong();
        }
        assertThat(invalid).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(3)
    void anInvalidShareFloodIsBannedWhileAnHonestMinerKeepsMining() throws Exception {
        try (CpuMiner honest = new CpuMiner(stack.stratum, ALICE + ".rig2", REGTEST.pow(), 1)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> honest.accepted() >= 3);
            try (RawSession mallory = new RawSession(stack.stratum)) {
                mallory.subscribe();
                assertThat(mallory.call("mining.authorize", MALLORY, "x").path("result").asBoolean()).isTrue();
                for (int i = 0; i < 40 && !mallory.client.isClosed(); i++) {
                    mallory.client.sendLine("{\"id\":" + (1000 + i) + ",\"method\":\"mining.submit\",\"params\":[\"" + MALLORY
                            + "\",\"00\",\"0\",\"0\",\"0\"]}");
                }
                assertThat(mallory.client.awaitClosed(Duration.ofSeconds(20))).as("the flooder is disconnected").isTrue();
            }
            try (RawSession again = new RawSession(stack.stratum)) {
                again.subscribe();
                JsonNode refused = again.call("mining.authorize", MALLORY, "x");
                assertThat(RawSession.code(refused)).isEqualTo(24);
                assertThat(refused.path("error").path(1).asString()).contains("banned");
            }
            long before = honest.accepted();
            await().atMost(Duration.ofSeconds(60)).until(() -> honest.accepted() >= before + 5);
            assertThat(honest.connected()).isTrue();
        }
    }

    @Test
    @Order(4)
    void maturedCreditsArePaidAndConfirmedInBlocksThePoolMines() throws Exception {
        String poolAddress = AddressFormat.encode(stack.key.address(), REGTEST.hrp());
        try (CpuMiner miner = new CpuMiner(stack.stratum, ALICE + ".rig3", REGTEST.pow(), 1)) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> stack.nodeHeight() >= ProtocolLimits.COINBASE_MATURITY + 3);
            // the first matured credits are paid; the miner keeps mining the mempool's templates, which carry the transfers
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(stack.mempoolAlive()).as("mempool process (see target/mempool-process.log)").isTrue();
                return confirmedTo(ALICE) > 0;
            });
        }
        // the chain is still: the ledger's confirmed payouts are what the node paid Alice, to the unit
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                confirmedTo(ALICE) == stack.nodeApi.getJson("/api/v1/accounts/" + ALICE + "?limit=1").path("balance").path("units").asLong());

        int checked = 0;
        for (String address : new String[] {ALICE, BOB}) {
            JsonNode ledger = pool("/api/v1/pool/miners/" + address + "?limit=1000");
            for (JsonNode payout : ledger.path("payouts")) {
                if (!payout.path("status").asString().equals("CONFIRMED")) {
                    continue;
                }
                // the transfer on the node's active chain: from the pool's key, to the miner, the ledger's amount and fee
                JsonNode tx = stack.nodeApi.getJson("/api/v1/transactions/" + payout.path("txid").asString());
                assertThat(tx.path("blockId").asString()).isNotEmpty();
                assertThat(tx.path("sender").asString()).isEqualTo(poolAddress);
                assertThat(tx.path("recipient").asString()).isEqualTo(address);
                assertThat(tx.path("amount").path("units").asLong()).isEqualTo(payout.path("amount").asLong());
                assertThat(tx.path("fee").path("units").asLong()).isEqualTo(PAYOUT_FEE);
                assertThat(tx.path("nonce").asLong()).isEqualTo(payout.path("nonce").asLong());
                // ... in a block the pool found: its reward (subsidy and fees) is what the ledger split
                JsonNode block = stack.nodeApi.getJson("/api/v1/blocks/" + tx.path("blockId").asString());
                JsonNode coinbase = stack.nodeApi.getJson("/api/v1/transactions/" + block.path("txIds").path(0).asString());
                assertThat(coinbase.path("recipient").asString()).isEqualTo(poolAddress);
                assertThat(coinbase.path("amount").path("units").asLong()).isGreaterThanOrEqualTo(8_888_000_000L + PAYOUT_FEE);
                await().atMost(Duration.ofSeconds(30)).until(() -> foundBlock(tx.path("blockId").asString()) != null);
                assertThat(foundBlock(tx.path("blockId").asString()).path("reward").asLong())
                        .isEqualTo(coinbase.path("amount").path("units").asLong());

                // the transfer pays the credits it names less its fee, each credit checked against the miner's shares
                long paidCredits = 0;
                for (JsonNode credit : ledger.path("credits")) {
                    if (credit.path("payoutId").asLong(-1) == payout.path("id").asLong()) {
                        assertThat(credit.path("blockStatus").asString()).isEqualTo("MATURE");
                        checkAgainstShares(address, credit);
                        paidCredits += credit.path("amount").asLong();
                    }
                }
                assertThat(payout.path("amount").asLong() + PAYOUT_FEE).isEqualTo(paidCredits);
                checked++;
            }
        }
        assertThat(checked).as("confirmed payouts checked").isPositive();
        assertThat(pool("/api/v1/pool").path("ledger").path("paidUnits").asLong()).isPositive();
    }

    /** Units of the address's payouts the ledger marks confirmed. */
    private static long confirmedTo(String address) {
        long sum = 0;
        for (JsonNode payout : pool("/api/v1/pool/miners/" + address + "?limit=1000").path("payouts")) {
            if (payout.path("status").asString().equals("CONFIRMED")) {
                sum += payout.path("amount").asLong();
            }
        }
        return sum;
    }

    private static JsonNode foundBlock(String id) {
        for (JsonNode block : pool("/api/v1/pool/blocks?limit=1000")) {
            if (block.path("blockId").asString().equals(id)) {
                return block;
            }
        }
        return null;
    }

    /**
     * What a miner can check with the API alone: its shares in the block's window weigh what the
     * credit says (all of them, or less a part of the window's first share when that one is its own
     * and was cut), and the amount is its weight's share of the reward less the pool's fee, rounded
     * down, or one unit more (the rounding remainders).
     */
    private static void checkAgainstShares(String address, JsonNode credit) {
        long first = credit.path("firstShareId").asLong();
        long last = credit.path("lastShareId").asLong();
        long sum = 0;
        long firstShareDifficulty = 0;
        for (long from = first; from <= last; ) {
            JsonNode page = pool("/api/v1/pool/miners/" + address + "/shares?from=" + from + "&to=" + last + "&limit=1000");
            for (JsonNode share : page) {
                sum += share.path("difficulty").asLong();
                if (share.path("id").asLong() == first) {
                    firstShareDifficulty = share.path("difficulty").asLong();
                }
            }
            from = page.size() < 1000 ? last + 1 : page.path(page.size() - 1).path("id").asLong() + 1;
        }
        long weight = credit.path("weight").asLong();
        assertThat(weight).as("credit %s", credit).isPositive().isLessThanOrEqualTo(sum).isGreaterThan(sum - Math.max(1, firstShareDifficulty));
        long reward = credit.path("reward").asLong();
        long fee = credit.path("poolFee").asLong();
        assertThat(fee).isEqualTo(reward * FEE_BPS / 10_000);
        long exact = BigInteger.valueOf(reward - fee).multiply(BigInteger.valueOf(weight))
                .divide(BigInteger.valueOf(credit.path("windowWeight").asLong())).longValueExact();
        assertThat(credit.path("amount").asLong()).as("credit %s", credit).isBetween(exact, exact + 1);
    }
}

package io.numicoin.pool.stratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.miner.mining.Work;
import io.numicoin.miner.pow.JavaPowHasher;
import io.numicoin.pool.client.StratumClient;
import io.numicoin.pool.share.ShareListener;
import io.numicoin.pool.share.ShareResult;
import io.numicoin.pool.share.ShareSubmission;
import io.numicoin.pool.share.ShareValidator;
import io.numicoin.pool.share.ShareVerdict;
import io.numicoin.pool.share.VardiffSettings;
import io.numicoin.pool.work.JobBook;
import io.numicoin.pool.work.PoolJob;
import io.numicoin.protocol.address.AddressFormat;
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
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Stratum server's bounds over real sockets, on a job with a 2^200 target (no share solves a block):
 * an over-long line and a connection over the per-address cap are closed, an unparsable line is
 * answered -32700, shares beyond a connection's burst are refused with code 20, a connection that
 * never authorizes is closed at the handshake deadline, and every new job reaches ready sessions.
 */
class StratumLimitsTest {

    private static final NetworkParams MAINNET = NetworkParams.mainnet();
    private static final String USER = AddressFormat.encode(TestKeys.address(4), MAINNET.hrp());

    private final List<ShareResult> checked = new CopyOnWriteArrayList<>();
    private final List<ShareVerdict> refusedUnchecked = new CopyOnWriteArrayList<>();
    private final List<StratumClient> clients = new ArrayList<>();
    private JobBook jobs;
    private StratumServer server;

    @BeforeEach
    void start() throws Exception {
        jobs = new JobBook(16, 1_000);
        jobs.publish(job(1, true));
        ShareListener listener = new ShareListener() {
            @Override
            public void checked(ShareSubmission share, ShareResult result) {
                checked.add(result);
            }

            @Override
            public void refusedUnchecked(String address, String worker, ShareVerdict verdict) {
                refusedUnchecked.add(verdict);
            }
        };
        StratumSettings settings = new StratumSettings(InetAddress.getLoopbackAddress(), 0, 512, Duration.ofMinutes(1),
                Duration.ofSeconds(2), 100, 3, 2, 0.5, 3, 8, Duration.ofMinutes(1), 1_000, Duration.ofMinutes(1), 5,
                new VardiffSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 12, 1, 1_000_000, 4), 1);
        server = new StratumServer(settings, MAINNET.hrp(), jobs,
                new ShareValidator(jobs, () -> new JavaPowHasher(NetworkParams.regtest().pow()), Clock.systemUTC(), 120), listener, 1, 16,
                new StratumMetrics(new SimpleMeterRegistry(), () -> 0));
        server.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(StratumClient::close);
        server.stop();
    }

    private static PoolJob job(long sequence, boolean clean) {
        List<Transaction> txs = List.of(new CoinbaseTx(MAINNET.chainId(), 1, TestKeys.address(1), Amount.ofUnits(8_888_000_000L),
                Bytes.of(new byte[] {(byte) sequence})));
        BlockHeader header = new BlockHeader(1, 1, MAINNET.genesisId(), MerkleTree.root(txs), Hash256.ZERO, 1_900_000_000L,
                io.numicoin.protocol.pow.CompactTarget.fromTarget(java.math.BigInteger.ONE.shiftLeft(200)), 0);
        return PoolJob.of(sequence, new Work(sequence, new Block(header, txs), Amount.ZERO), clean);
    }

    private StratumClient connect(List<JsonNode> notifications) throws IOException {
        StratumClient client = new StratumClient(new InetSocketAddress("127.0.0.1", server.localPort()), notifications::add);
        clients.add(client);
        return client;
    }

    private StratumClient ready(List<JsonNode> notifications) throws IOException {
        StratumClient client = connect(notifications);
        client.call("mining.subscribe");
        assertThat(client.call("mining.authorize", USER, "x").path("result").asBoolean()).isTrue();
        return client;
    }

    @Test
    void anOverLongLineClosesTheConnection() throws IOException {
        StratumClient client = connect(new CopyOnWriteArrayList<>());
        client.sendLine("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"" + "x".repeat(600) + "\"]}");
        assertThat(client.awaitClosed(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void connectionsOverThePerAddressCapAreClosed() throws IOException {
        for (int i = 0; i < 3; i++) {
            ready(new CopyOnWriteArrayList<>());
        }
        StratumClient fourth = connect(new CopyOnWriteArrayList<>());
        assertThat(fourth.awaitClosed(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connections() == 3);
    }

    @Test
    void anUnparsableLineIsAParseErrorAndAnUnknownMethodIsNotFound() throws IOException {
        StratumClient client = connect(new CopyOnWriteArrayList<>());
        JsonNode unknown = client.call("mining.frobnicate");
        assertThat(unknown.path("error").path(0).asInt()).isEqualTo(-32601);
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        StratumClient raw = connect(seen);
        raw.sendLine("{not json");
        // the parse error has no id to match, so the client drops it; the connection stays open
        assertThat(raw.call("mining.subscribe").path("result").isArray()).isTrue();
    }

    @Test
    void sharesBeyondTheBurstAreRefusedWithoutAnArgon2Run() throws IOException {
        List<JsonNode> notes = new CopyOnWriteArrayList<>();
        StratumClient client = ready(notes);
        await().atMost(Duration.ofSeconds(5)).until(() -> notes.stream().anyMatch(n -> n.path("method").asString().equals("mining.notify")));
        String jobId = jobs.current().orElseThrow().id();
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JsonNode answer = client.call("mining.submit", USER, jobId, "00000000", String.format("%016x", 1_900_000_000L),
                    String.format("%016x", i));
            codes.add(answer.path("error").isArray() ? answer.path("error").path(0).asInt() : 0);
        }
        // a burst of 3: three shares checked (difficulty 1: accepted), the rest refused before any hashing
        assertThat(codes.subList(0, 3)).containsOnly(0);
        assertThat(codes.subList(3, 6)).containsOnly(20);
        assertThat(checked).hasSize(3);
        assertThat(refusedUnchecked).containsOnly(ShareVerdict.RATE_LIMITED);
    }

    @Test
    void aConnectionThatNeverAuthorizesIsClosedAtTheHandshakeDeadline() throws IOException {
        StratumClient client = connect(new CopyOnWriteArrayList<>());
        client.call("mining.subscribe");
        assertThat(client.awaitClosed(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void newJobsReachReadySessionsCleanOnANewTip() throws IOException {
        List<JsonNode> notes = new CopyOnWriteArrayList<>();
        ready(notes);
        jobs.publish(job(2, false));
        jobs.publish(job(3, true));
        await().atMost(Duration.ofSeconds(5)).until(() -> notes.stream().filter(n -> n.path("method").asString().equals("mining.notify"))
                .count() == 3);
        List<JsonNode> notifies = notes.stream().filter(n -> n.path("method").asString().equals("mining.notify")).toList();
        assertThat(notifies.get(1).path("params").path(0).asString()).isEqualTo("2");
        assertThat(notifies.get(1).path("params").path(8).asBoolean()).isFalse();
        assertThat(notifies.get(2).path("params").path(8).asBoolean()).isTrue();
        assertThat(jobs.lookup("2")).isInstanceOf(io.numicoin.pool.work.JobLookup.Stale.class);
    }
}

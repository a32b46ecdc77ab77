package io.numicoin.support.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.params.Network;
import io.numicoin.support.httpclient.ServiceCallException.Reason;
import io.numicoin.testkit.ChainBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's side of the node's API over real HTTP: answers as docs/api.md shows them become
 * typed values (blocks and headers through the protocol's codecs), and everything else — an error
 * status with its problem, an answer over its bound, one that does not decode or does not fit,
 * no answer in time, no listener — a {@link NodeApiException} saying which. The answers a real node
 * gives are exercised by the explorer's, the mempool's and the miner's ITs against one.
 */
class NodeApiClientTest {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static final List<Block> BLOCKS = CHAIN.extend(CHAIN.genesis(), 3, 1);

    private record Answer(int status, String contentType, byte[] body) {
        static Answer json(int status, String body) {
            return new Answer(status, status >= 400 ? "application/problem+json" : "application/json",
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().toString();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.put(path, auth == null ? "" : auth);
        exchange.getRequestBody().readAllBytes();
        if (path.startsWith("/slow")) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer answer = answers.getOrDefault(path, Answer.json(404,
                "{\"type\":\"about:blank\",\"status\":404,\"rule\":\"NOT_FOUND\",\"detail\":\"nothing at " + path + "\"}"));
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        exchange.getResponseBody().write(answer.body());
        exchange.close();
    }

    private NodeApiClient client() {
        return new NodeApiClient(base, Duration.ofSeconds(5));
    }

    private static String hex(Block block) {
        return HexFormat.of().formatHex(BlockCodec.encode(block));
    }

    @Test
    void documentedAnswersBecomeTypedValues() {
        Block tip = BLOCKS.getLast();
        String tipId = BlockHeaderCodec.id(tip.header()).toHex();
        answers.put("/api/v1/chain", Answer.json(200,
                "{\"network\":\"regtest\",\"tipId\":\"" + tipId + "\",\"height\":3,\"cumulativeWork\":\"208\",\"extra\":1}"));
        answers.put("/api/v1/blocks/height/2?format=hex", new Answer(200, "text/plain",
                hex(BLOCKS.get(1)).getBytes(StandardCharsets.US_ASCII)));
        answers.put("/api/v1/headers?from=1&count=3", Answer.json(200, "{\"from\":1,\"count\":3,\"headers\":["
                + String.join(",", BLOCKS.stream().map(b -> "\"" + HexFormat.of().formatHex(BlockHeaderCodec.encode(b.header())) + "\"")
                        .toList()) + "]}"));
        answers.put("/api/v1/accounts/rnumi1abc?limit=25&cursor=7-0", Answer.json(200, """
                {"address":"rnumi1abc","balance":{"units":500},"immature":{"units":7},"nonce":3,"tipHeight":9,
                 "transactions":[{"txid":"aa","height":7,"direction":"SENT"}],"nextCursor":"6-1"}"""));

        answers.put("/api/v1/blocks/height/2", Answer.json(200, "{\"height\":2,\"transactionCount\":3,\"txIds\":[\"aa\",\"bb\",\"cc\"]}"));
        answers.put("/api/v1/blocks/height/3", Answer.json(200, "{\"height\":3,\"status\":\"HEADER_ONLY\"}"));

        NodeApiClient client = client();
        assertThat(client.transactionCountAt(2)).hasValue(3);
        assertThat(client.transactionCountAt(3)).as("body not stored yet").isEmpty();
        assertThat(client.transactionCountAt(9)).as("no block there: 404").isEmpty();
        NodeChainTip chain = client.chain();
        assertThat(chain.network()).isEqualTo(Network.REGTEST);
        assertThat(chain.tipId().toHex()).isEqualTo(tipId);
        assertThat(chain.height()).isEqualTo(3);
        assertThat(chain.cumulativeWork()).isEqualTo(208);
        assertThat(client.blockAt(2)).contains(BLOCKS.get(1));
        assertThat(client.blockAt(4)).as("above the tip: 404").isEmpty();
        assertThat(client.headers(1, 3)).isEqualTo(BLOCKS.stream().map(Block::header).toList());
        NodeAccount account = client.account("rnumi1abc", 25, "7-0").orElseThrow();
        assertThat(account).isEqualTo(new NodeAccount(500, 7, 3, 9, List.of(new NodeAccount.Entry("aa", 7, "SENT")), "6-1"));
        assertThatThrownBy(() -> client.account("rnumi1abc", 25, "7-0&limit=1000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anErrorStatusCarriesTheNodesProblemAndPostsSendTheMiningToken() {
        answers.put("/api/v1/blocks", Answer.json(422, """
                {"type":"https://numicoin.io/problems/bad-pow","title":"Bad proof of work","status":422,
                 "detail":"hash above target","rule":"BAD_POW"}"""));
        answers.put("/api/v1/blocks/proposal", Answer.json(409, "{\"status\":409,\"rule\":\"STALE_TIP\",\"detail\":\"moved\"}"));
        NodeApiClient client = new NodeApiClient(base, Duration.ofSeconds(5), 1, Duration.ZERO, "token-0123456789abcdef");

        assertThatThrownBy(() -> client.submitBlock(BLOCKS.getFirst(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(NodeApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR);
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.rule()).isEqualTo("BAD_POW");
                    assertThat(e.problem().orElseThrow().detail()).isEqualTo("hash above target");
                    assertThat(e.transientFailure()).isFalse();
                });
        assertThat(authorizations.get("/api/v1/blocks")).isEqualTo("Bearer token-0123456789abcdef");
        assertThatThrownBy(() -> client.proposeCommitment(BLOCKS.getFirst(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(NodeApiException.class, e -> assertThat(e.rule()).isEqualTo("STALE_TIP"));
        answers.put("/api/v1/transactions", new Answer(400, "text/html", "<html>no</html>".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> client.submitTransaction(new byte[] {1}, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(NodeApiException.class, e -> assertThat(e.rule()).as("no problem document").isEqualTo("HTTP_400"));
        assertThat(client().transaction("ab".repeat(32))).as("an unknown txid: 404").isEmpty();
    }

    @Test
    void answersThatDoNotFitAreBadResponses() {
        NodeApiClient client = client();
        answers.put("/api/v1/chain", Answer.json(200, "{\"network\":\"regtest\",\"tipId\":\"" + "a".repeat(NodeApiClient.MAX_JSON_BYTES) + "\"}"));
        assertThatThrownBy(client::chain).isInstanceOfSatisfying(NodeApiException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE)).hasMessageContaining("over");
        answers.put("/api/v1/chain", Answer.json(200, "{\"network\":\"regtest\",\"tipId\":\"xyz\",\"height\":1}"));
        assertThatThrownBy(client::chain).isInstanceOfSatisfying(NodeApiException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE));
        answers.put("/api/v1/chain", Answer.json(200, "not json"));
        assertThatThrownBy(client::chain).isInstanceOfSatisfying(NodeApiException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE));
        answers.put("/api/v1/blocks/height/1?format=hex", new Answer(200, "text/plain",
                hex(BLOCKS.get(1)).getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> client.blockAt(1)).as("the block at height 2 answered for 1")
                .isInstanceOfSatisfying(NodeApiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE));
        answers.put("/api/v1/blocks/height/1?format=hex", new Answer(200, "text/plain", "00ff".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> client.blockAt(1)).isInstanceOfSatisfying(NodeApiException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE)).hasMessageContaining("does not decode");
        answers.put("/api/v1/headers?from=2&count=1", Answer.json(200, "{\"headers\":[\""
                + HexFormat.of().formatHex(BlockHeaderCodec.encode(BLOCKS.get(2).header())) + "\"]}"));
        assertThatThrownBy(() -> client.headers(2, 1)).as("the header at 3 answered for 2")
                .isInstanceOfSatisfying(NodeApiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE));
    }

    @Test
    void transientFailuresOfAGetAreRetriedAndAPostIsSentOnce() {
        answers.put("/api/v1/chain", Answer.json(503, "{\"status\":503,\"rule\":\"UNAVAILABLE\",\"detail\":\"starting\"}"));
        NodeApiClient client = new NodeApiClient(base, Duration.ofSeconds(5), 3, Duration.ofMillis(1), null);
        assertThatThrownBy(client::chain).isInstanceOfSatisfying(NodeApiException.class, e -> {
            assertThat(e.transientFailure()).isTrue();
            assertThat(e.rule()).isEqualTo("UNAVAILABLE");
        });
        assertThat(requests.get()).isEqualTo(3);
        answers.put("/api/v1/transactions", Answer.json(503, "{\"status\":503,\"rule\":\"UNAVAILABLE\"}"));
        assertThatThrownBy(() -> client.submitTransaction(new byte[] {1}, Duration.ofSeconds(5))).isInstanceOf(NodeApiException.class);
        assertThat(requests.get()).isEqualTo(4);
    }

    @Test
    void noAnswerInTimeIsATimeoutAndNoListenerIsUnreachable() throws IOException {
        NodeApiClient slow = new NodeApiClient(URI.create(base + "/slow"), Duration.ofMillis(300));
        assertThatThrownBy(slow::chain).isInstanceOfSatisfying(NodeApiException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        NodeApiClient closed = new NodeApiClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2));
        assertThatThrownBy(closed::chain).isInstanceOfSatisfying(NodeApiException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE)).hasMessageContaining("unreachable");
    }
}

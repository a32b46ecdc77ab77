package io.numicoin.node.api;

import static io.numicoin.node.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The node's HTTP surface against hostile and careless clients, on a real node (PostgreSQL, Kafka):
 * slowloris cut off, caps on requests and body bytes in progress, Swagger UI off by default, mining
 * only with the token, a cap on live-stream clients and {@code Last-Event-ID} resume.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpHardeningIT {

    static final TestNodeInfra INFRA = TestNodeInfra.start("api_hardening");
    static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.register(registry);
        registry.add("numi.http.read-timeout", () -> "10s");  // long enough for the cap tests to act on a busy machine
        registry.add("numi.http.idle-timeout", () -> "15s");
        registry.add("numi.http.max-concurrent-requests", () -> "3");
        registry.add("numi.http.max-body-bytes-in-flight", () -> "100000");
        registry.add("numi.stream.max-subscribers", () -> "2");
        registry.add("numi.stream.replay", () -> "8");
    }

    @AfterAll
    static void closeInfrastructure() {
        INFRA.close();
    }

    @Autowired
    WebTestClient web;

    @Value("${local.server.port}")
    int port;

    final ChainBuilder builder = ChainBuilder.regtest();
    final List<Block> chain = builder.extend(builder.genesis(), 12, 4);

    @Test
    @Order(1)
    void aClientDribblingItsHeadersIsCutOffAtTheReadTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            AtomicBoolean closedByServer = new AtomicBoolean();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (InputStream in = socket.getInputStream()) {
                    while (in.read() >= 0) {
                        // an answer would mean the request completed: it never does
                    }
                } catch (IOException e) {
                    // reset: closed as well
                }
                closedByServer.set(true);
            });
            Thread dribbler = Thread.ofVirtual().start(() -> {
                byte[] start = "GET /api/v1/chain HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(start);
                    out.flush();
                    while (!closedByServer.get()) {  // one header byte every 200 ms, never the end of the headers
                        out.write('a');
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the socket
                }
            });
            await().atMost(Duration.ofSeconds(60)).untilTrue(closedByServer);
            dribbler.join(5_000);
            reader.join(5_000);
        }
        web.get().uri("/api/v1/chain").exchange().expectStatus().isOk();  // well-behaved clients are served
    }

    @Test
    @Order(2)
    void aConnectionThatNeverSendsARequestIsClosedAtTheIdleTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            AtomicBoolean closedByServer = new AtomicBoolean();
            Thread.ofVirtual().start(() -> {
                try (InputStream in = socket.getInputStream()) {
                    while (in.read() >= 0) {
                        // nothing is ever answered
                    }
                } catch (IOException e) {
                    // reset: closed as well
                }
                closedByServer.set(true);
            });
            await().atMost(Duration.ofSeconds(60)).untilTrue(closedByServer);
        }
    }

    @Test
    @Order(2)
    void requestsBeyondTheConcurrencyCapAreRefusedUnreadAndThePermitsComeBack() throws Exception {
        List<Socket> holders = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                holders.add(postHeadersOnly("/api/v1/transactions", 10));  // each waits for a body that never comes
            }
            await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(50)).until(() ->
                    web.get().uri("/api/v1/chain").exchange().returnResult(String.class).getStatus().value() == 503);
            assertProblem(web.get().uri("/api/v1/chain").exchange(), 503, "BUSY");
        } finally {
            for (Socket holder : holders) {
                holder.close();
            }
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                web.get().uri("/api/v1/chain").exchange().returnResult(String.class).getStatus().value() == 200);
    }

    @Test
    @Order(3)
    void bodiesBeyondTheBytesInFlightCapAreRefusedBeforeTheyAreRead() throws Exception {
        try (Socket holder = postHeadersOnly("/api/v1/transactions", 60_000)) {
            await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(50)).until(() ->
                    web.post().uri("/api/v1/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                            .bodyValue(new byte[50_000]).exchange().returnResult(String.class).getStatus().value() == 503);
            assertProblem(web.post().uri("/api/v1/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .bodyValue(new byte[50_000]).exchange(), 503, "BUSY");
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                web.post().uri("/api/v1/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .bodyValue(new byte[50_000]).exchange().returnResult(String.class).getStatus().is4xxClientError());
    }

    @Test
    @Order(4)
    void swaggerUiAndTheApiDocumentAreOffByDefault() {
        web.get().uri("/swagger-ui.html").exchange().expectStatus().isNotFound();
        web.get().uri("/v3/api-docs").exchange().expectStatus().isNotFound();
    }

    @Test
    @Order(5)
    void miningNeedsTheToken() {
        byte[] block = BlockCodec.encode(chain.getFirst());
        for (String path : List.of("/api/v1/blocks", "/api/v1/blocks/proposal")) {
            assertProblem(web.post().uri(path).contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(block).exchange(),
                    401, "MINING_TOKEN_REQUIRED");
            assertProblem(web.post().uri(path).header("Authorization", "Bearer not-the-token-at-all")
                    .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(block).exchange(), 401, "MINING_TOKEN_REQUIRED");
        }
        web.post().uri("/api/v1/blocks/proposal").header("Authorization", TestNodeInfra.MINING_AUTHORIZATION)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(block).exchange().expectStatus().isOk();
        new ApiClient(web).postBlock(chain.getFirst());
    }

    @Test
    @Order(6)
    void liveStreamClientsAreCappedAndResumeWithLastEventId() {
        ApiClient api = new ApiClient(web);
        Flux<ServerSentEvent<String>> first = stream(null);
        Flux<ServerSentEvent<String>> second = stream(null);
        var firstEvents = first.filter(e -> e.event() != null).take(3).collectList().toFuture();
        var secondEvents = second.filter(e -> e.event() != null).take(1).collectList().toFuture();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                web.get().uri("/api/v1/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                        .returnResult(String.class).getStatus().value() == 503);
        assertProblem(web.get().uri("/api/v1/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange(), 503, "TOO_MANY_SUBSCRIBERS");

        api.postBlock(chain.get(1));
        api.postBlock(chain.get(2));
        api.postBlock(chain.get(3));
        List<ServerSentEvent<String>> seen = firstEvents.join();
        assertThat(secondEvents.join()).hasSize(1);  // both streams ended: their slots are free again
        assertThat(seen).extracting(ServerSentEvent::event).containsOnly("block-connected");
        long firstSeq = Long.parseLong(seen.getFirst().id());

        // A client that read only the first of the three reconnects: it gets the two it missed, then lives on.
        List<ServerSentEvent<String>> resumed = stream(Long.toString(firstSeq)).filter(e -> e.event() != null).take(2)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(resumed).extracting(ServerSentEvent::id).containsExactly(seen.get(1).id(), seen.get(2).id());
        assertThat(resumed.get(0).data()).contains(ApiClient.id(chain.get(2)));

        // More events than the node keeps (8): an id from before them gets a reset, then the live events.
        for (int i = 4; i < chain.size(); i++) {
            api.postBlock(chain.get(i));
        }
        ServerSentEvent<String> reset = stream(Long.toString(firstSeq)).filter(e -> e.event() != null).blockFirst(Duration.ofSeconds(30));
        assertThat(reset.event()).isEqualTo("reset");
        assertThat(reset.data()).contains("\"type\":\"reset\"").contains("\"oldest\":");
        ServerSentEvent<String> unknown = stream("999999999").filter(e -> e.event() != null).blockFirst(Duration.ofSeconds(30));
        assertThat(unknown.event()).isEqualTo("reset");
    }

    private Flux<ServerSentEvent<String>> stream(String lastEventId) {
        WebTestClient.RequestHeadersSpec<?> request = web.get().uri("/api/v1/stream").accept(MediaType.TEXT_EVENT_STREAM);
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        return request.exchange().expectStatus().isOk().returnResult(SSE).getResponseBody();
    }

    /** A raw connection that sent a POST's headers (declaring {@code length} bytes) and no body. */
    private Socket postHeadersOnly(String path, int length) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }
}

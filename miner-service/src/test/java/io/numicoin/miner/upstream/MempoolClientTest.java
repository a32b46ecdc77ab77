package io.numicoin.miner.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.numicoin.support.httpclient.JsonHttpClient;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MempoolClient} against a real HTTP server standing in for the mempool's template route: an
 * empty template decodes, an answer over {@link MempoolClient#MAX_ANSWER_BYTES} is refused unread, an
 * error status comes back as the miner's {@link UpstreamException} with the mempool's rule.
 */
class MempoolClientTest {

    private static final String TIP = "ab".repeat(32);

    private final AtomicReference<Answer> next = new AtomicReference<>();
    private HttpServer server;
    private MempoolClient mempool;

    private record Answer(int status, byte[] body) {
    }

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/template", exchange -> {
            Answer answer = next.get();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        });
        server.start();
        mempool = new MempoolClient(JsonHttpClient.to("mempool", URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .timeout(Duration.ofSeconds(5)).maxAnswerBytes(MempoolClient.MAX_ANSWER_BYTES).build());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsAnEmptyTemplate() {
        next.set(new Answer(200, ("{\"tipId\":\"" + TIP + "\",\"tipHeight\":7,\"transactions\":[]}").getBytes(StandardCharsets.UTF_8)));
        var template = mempool.template(1_000_000, 100);
        assertThat(template.tipHeight()).isEqualTo(7);
        assertThat(template.transactions()).isEmpty();
    }

    @Test
    void refusesAnAnswerOverTheBound() {
        byte[] json = new byte[MempoolClient.MAX_ANSWER_BYTES + 10];
        Arrays.fill(json, (byte) ' ');
        json[0] = '{';
        json[json.length - 1] = '}';
        next.set(new Answer(200, json));
        assertThatThrownBy(() -> mempool.template(1_000_000, 100)).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.reason()).isEqualTo(UpstreamException.Reason.BAD_RESPONSE);
            assertThat(e.getMessage()).contains("over " + MempoolClient.MAX_ANSWER_BYTES + " bytes");
        });
    }

    @Test
    void anErrorStatusCarriesTheRule() {
        next.set(new Answer(503, "{\"rule\":\"ACCOUNT_UNAVAILABLE\",\"detail\":\"node1 is away\"}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> mempool.template(1_000_000, 100)).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.reason()).isEqualTo(UpstreamException.Reason.HTTP_ERROR);
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.rule()).isEqualTo("ACCOUNT_UNAVAILABLE");
            assertThat(e.transientFailure()).isTrue();
        });
    }
}

package io.numicoin.miner.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpJson} against a real HTTP server: answers are read up to a bound, errors carry the rule. */
class HttpJsonTest {

    private HttpServer server;
    private HttpJson http;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/small", exchange -> answer(exchange, 200, "{\"height\":7}".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/huge", exchange -> {
            byte[] json = new byte[HttpJson.MAX_ANSWER_BYTES + 10];
            Arrays.fill(json, (byte) ' ');
            json[0] = '{';
            json[json.length - 1] = '}';
            answer(exchange, 200, json);
        });
        server.createContext("/refused", exchange -> answer(exchange, 422,
                "{\"rule\":\"BAD_NONCE\",\"detail\":\"nonce 3 expected 2\"}".getBytes(StandardCharsets.UTF_8)));
        server.start();
        http = new HttpJson("mempool", URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5), 1,
                Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsAnAnswerWithinTheBound() {
        assertThat(http.get("/small").path("height").asLong()).isEqualTo(7);
    }

    @Test
    void refusesAnAnswerOverTheBoundWithoutParsingIt() {
        assertThatThrownBy(() -> http.get("/huge")).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.reason()).isEqualTo(UpstreamException.Reason.BAD_RESPONSE);
            assertThat(e.getMessage()).contains("answer over " + HttpJson.MAX_ANSWER_BYTES + " bytes");
        });
    }

    @Test
    void anErrorStatusCarriesTheRule() {
        assertThatThrownBy(() -> http.post("/refused", "{}", Duration.ofSeconds(5))).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.reason()).isEqualTo(UpstreamException.Reason.HTTP_ERROR);
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.rule()).isEqualTo("BAD_NONCE");
        });
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws java.io.IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

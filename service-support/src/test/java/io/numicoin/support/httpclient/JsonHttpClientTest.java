package io.numicoin.support.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.numicoin.support.httpclient.ServiceCallException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonHttpClient} against a real HTTP server: answers read up to the bound and refused over it,
 * 404 as empty or as an error as asked, error statuses carrying the problem's rule, GETs retried on
 * transient failures and POSTs never, the bearer token sent, deadlines kept.
 */
class JsonHttpClientTest {

    private static final int BOUND = 1_000;

    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final AtomicInteger refusedCalls = new AtomicInteger();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/small", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, 200, "{\"height\":7}");
        });
        server.createContext("/exact", exchange -> answer(exchange, 200, padded(BOUND)));
        server.createContext("/huge", exchange -> answer(exchange, 200, padded(BOUND + 1)));
        server.createContext("/missing", exchange -> answer(exchange, 404, "{\"rule\":\"NOT_FOUND\"}"));
        server.createContext("/refused", exchange -> {
            refusedCalls.incrementAndGet();
            answer(exchange, 422, "{\"rule\":\"BAD_NONCE\",\"detail\":\"nonce 3 expected 2\"}");
        });
        server.createContext("/flaky", exchange -> {
            int call = flakyCalls.incrementAndGet();
            answer(exchange, call < 3 ? 503 : 200, call < 3 ? "{\"rule\":\"BUSY\"}" : "{\"call\":" + call + "}");
        });
        server.createContext("/not-json", exchange -> answer(exchange, 200, "<html>"));
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{}");
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private JsonHttpClient client() {
        return JsonHttpClient.to("test service", base).timeout(Duration.ofSeconds(5)).retries(3, Duration.ofMillis(10))
                .maxAnswerBytes(BOUND).bearerToken("secret").build();
    }

    @Test
    void readsAnswersUpToTheBoundAndSendsTheToken() {
        assertThat(client().getJson("/small").path("height").asLong()).isEqualTo(7);
        assertThat(authorization.get()).isEqualTo("Bearer secret");
        assertThat(client().getJson("/exact").path("pad").asString()).hasSizeGreaterThan(BOUND - 20);
    }

    @Test
    void refusesAnAnswerOverTheBound() {
        assertThatThrownBy(() -> client().getJson("/huge")).isInstanceOfSatisfying(ServiceCallException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE);
            assertThat(e.getMessage()).contains("test service GET").contains("over " + BOUND + " bytes");
            assertThat(e.transientFailure()).isFalse();
        });
    }

    @Test
    void notFoundIsEmptyWhenFindingAndAnErrorWhenGetting() {
        assertThat(client().findJson("/missing")).isEmpty();
        assertThatThrownBy(() -> client().getJson("/missing")).isInstanceOfSatisfying(ServiceCallException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.rule()).isEqualTo("NOT_FOUND");
        });
    }

    @Test
    void anErrorStatusCarriesTheRuleAndAPostIsSentOnce() {
        assertThatThrownBy(() -> client().postJson("/refused", Map.of("hex", "00"), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR);
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.rule()).isEqualTo("BAD_NONCE");
                    assertThat(e.problem().orElseThrow().detail()).isEqualTo("nonce 3 expected 2");
                });
        assertThat(refusedCalls.get()).isEqualTo(1);
    }

    @Test
    void aGetIsRetriedOnTransientFailuresOnly() {
        assertThat(client().getJson("/flaky").path("call").asInt()).isEqualTo(3);
        assertThatThrownBy(() -> client().getJson("/refused")).isInstanceOf(ServiceCallException.class);
        assertThat(refusedCalls.get()).as("a 4xx is not tried again").isEqualTo(1);
    }

    @Test
    void anAnswerThatIsNotJsonIsABadResponse() {
        assertThatThrownBy(() -> client().getJson("/not-json")).isInstanceOfSatisfying(ServiceCallException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE));
    }

    @Test
    void keepsTheDeadlineAndSaysWhoIsAway() throws IOException {
        JsonHttpClient impatient = JsonHttpClient.to("test service", base).timeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> impatient.getJson("/slow")).isInstanceOfSatisfying(ServiceCallException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JsonHttpClient away = JsonHttpClient.to("test service", URI.create("http://127.0.0.1:" + closedPort)).build();
        assertThatThrownBy(() -> away.getJson("/small")).isInstanceOfSatisfying(ServiceCallException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
            assertThat(e.transientFailure()).isTrue();
        });
    }

    private static String padded(int size) {
        String head = "{\"pad\":\"";
        char[] pad = new char[size - head.length() - 2];
        Arrays.fill(pad, 'x');
        return head + new String(pad) + "\"}";
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

package io.numicoin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.gateway.key.ApiKeyStore;
import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.route.Scope;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The fast read path (FastReads) through a real replica, real Redis and real PostgreSQL: plain reads
 * are answered there ({@code numi.gateway.fast_reads} counts them) with the token bucket and the key
 * check still applied (a 429 answered there; an unknown or revoked key never served), the backend
 * sees the same request and the client the same answer as through Spring Cloud Gateway, and
 * pipelined requests of both paths are answered in order.
 */
class GatewayFastReadsIT {

    private static GatewayFixture fx;

    @BeforeAll
    static void start() {
        fx = GatewayFixture.shared();
    }

    private static double fastReads() {
        return fx.a.bean(MeterRegistry.class).get("numi.gateway.fast_reads").counter().count();
    }

    /** Waits until the fast path has counted {@code expected} answers (counted just after the last byte went out). */
    private static void awaitFastReads(double expected) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(fastReads()).isEqualTo(expected));
    }

    @Test
    void anAnonymousClientOverItsBudgetIsRefusedByTheFastPath() {
        var client = fx.aAsFreshClient();
        double before = fastReads();
        for (int i = 0; i < GatewayFixture.ANONYMOUS.burst(); i++) {
            client.get().uri("/api/v1/chain").exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", Integer.toString(GatewayFixture.ANONYMOUS.burst()))
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(GatewayFixture.ANONYMOUS.burst() - 1 - i));
        }
        client.get().uri("/api/v1/chain").exchange().expectStatus().isEqualTo(429)
                .expectHeader().contentType("application/problem+json")
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectBody().jsonPath("$.rule").isEqualTo("RATE_LIMITED").jsonPath("$.instance").isEqualTo("/api/v1/chain");
        awaitFastReads(before + GatewayFixture.ANONYMOUS.burst() + 1);
    }

    @Test
    void aKeyIsServedByTheFastPathOnlyWhileItIsValid() throws Exception {
        ApiKeyStore.Created created = fx.keys.create("fast", EnumSet.allOf(Scope.class), new Limits(100, 100, 100, 100));
        String key = created.token().text();
        var client = fx.aAsFreshClient();
        // the first use reads the key from the database on the Spring side; later ones are the fast path's
        client.get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isOk();
        double before = fastReads();
        client.get().uri("/api/v1/blocks/height/3").header("X-Api-Key", key).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "100");
        awaitFastReads(before + 1);
        assertThat(fx.a.bean(MeterRegistry.class).find("numi.gateway.requests").tag("key", created.key().id())
                .tag("route", "block-at-height").tag("status", "200").timer()).isNotNull();

        assertThat(fx.keys.revoke(created.key().id())).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20)).until(() -> client.get()
                .uri("/api/v1/chain").header("X-Api-Key", key).exchange().returnResult(String.class).getStatus().value() == 401);
        double afterRevocation = fastReads();
        client.get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("the API key has been revoked");
        String forged = "numi_" + created.key().id() + "_" + "C".repeat(43);
        client.get().uri("/api/v1/chain").header("Authorization", "Bearer " + forged).exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/chain").header("X-Api-Key", "numi_nonsense").exchange().expectStatus().isUnauthorized();
        assertThat(fastReads()).isEqualTo(afterRevocation);
    }

    @Test
    void theBackendAndTheClientSeeWhatTheSpringSideWouldGiveThem() throws Exception {
        String key = fx.roomyKey();
        var client = fx.aAsFreshClient();
        client.get().uri("/api/v1/mempool").header("X-Api-Key", key).exchange().expectStatus().isOk();
        // an Origin sends a read to the Spring side (CORS is answered there)
        EntityExchangeResult<byte[]> spring = client.get().uri("/api/v1/mempool?x=1").header("X-Api-Key", key)
                .header("Cookie", "a=b").header("X-Probe", "1").header("Origin", "https://wallet.example").exchange().expectStatus().isOk()
                .expectBody().returnResult();
        TestBackend.Hit viaSpring = probe();
        double before = fastReads();
        EntityExchangeResult<byte[]> fast = client.get().uri("/api/v1/mempool?x=1").header("X-Api-Key", key)
                .header("Cookie", "a=b").header("X-Probe", "2").exchange().expectStatus().isOk().expectBody().returnResult();
        TestBackend.Hit viaFast = probe();
        awaitFastReads(before + 1);

        assertThat(viaFast.headers()).doesNotContainKeys("X-Api-Key", "Authorization", "Cookie");
        Set<String> fastNames = names(viaFast.headers().keySet());
        fastNames.remove("webtestclient-request-id");
        assertThat(fastNames).isEqualTo(withoutOrigin(names(viaSpring.headers().keySet())));
        for (String name : List.of("Host", "X-Forwarded-For", "Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto")) {
            assertThat(viaFast.headers().get(name)).as(name).isEqualTo(viaSpring.headers().get(name));
        }
        assertThat(fast.getResponseBody()).isEqualTo(spring.getResponseBody());
        assertThat(fast.getStatus()).isEqualTo(spring.getStatus());
        Set<String> springNames = names(spring.getResponseHeaders().headerNames());
        springNames.removeIf(n -> n.startsWith("access-control-"));
        assertThat(names(fast.getResponseHeaders().headerNames())).isEqualTo(springNames);
        for (String name : List.of("Content-Type", "Content-Length", "X-Backend", "Vary", "Content-Security-Policy",
                "Strict-Transport-Security", "RateLimit-Limit", "RateLimit-Policy")) {
            assertThat(fast.getResponseHeaders().get(name)).as(name).isEqualTo(spring.getResponseHeaders().get(name));
        }
    }

    @Test
    void pipelinedRequestsOfBothPathsAreAnsweredInOrder() throws Exception {
        String key = fx.roomyKey();
        fx.aAsFreshClient().get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isOk();
        String read = "GET /api/v1/chain HTTP/1.1\r\nHost: gw\r\nX-Api-Key: " + key + "\r\n\r\n";
        String unknown = "GET /api/v1/nothing-here HTTP/1.1\r\nHost: gw\r\nX-Api-Key: " + key + "\r\n\r\n";
        String explorer = "GET /api/v1/explorer/blocks HTTP/1.1\r\nHost: gw\r\nX-Api-Key: " + key + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", fx.a.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((read + unknown + explorer + read + "GET /api/v1/chain HTTP/1.1\r\nHost: gw\r\nConnection: close\r\nX-Api-Key: "
                    + key + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            List<String> answers = answers(socket.getInputStream(), 5);
            assertThat(answers).extracting(a -> a.substring(9, 12)).containsExactly("200", "404", "200", "200", "200");
            assertThat(answers.get(0)).contains("\"height\"");
            assertThat(answers.get(1)).contains("NOT_FOUND");
            assertThat(answers.get(2)).contains("\"backend\":\"explorer\"");
        }
    }

    /** The last request the mempool got from a test with an {@code X-Probe} header (not a health poll). */
    private static TestBackend.Hit probe() {
        return fx.mempool.hits().stream().filter(h -> h.headers().containsKey("X-Probe")).reduce((x, y) -> y).orElseThrow();
    }

    private static Set<String> names(Set<String> names) {
        Set<String> lower = new TreeSet<>();
        names.forEach(n -> lower.add(n.toLowerCase(java.util.Locale.ROOT)));
        return lower;
    }

    private static Set<String> withoutOrigin(Set<String> names) {
        names.remove("origin");
        names.remove("webtestclient-request-id");
        return names;
    }

    /** Reads {@code count} HTTP/1.1 answers with a Content-Length from {@code in}, each as text (head and body). */
    private static List<String> answers(InputStream in, int count) throws Exception {
        List<String> answers = new ArrayList<>();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Pattern length = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)\r\n");
        byte[] chunk = new byte[8192];
        while (answers.size() < count) {
            String text = buffer.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                Matcher m = length.matcher(text.substring(0, headEnd + 2));
                assertThat(m.find()).as("a Content-Length in %s", text.substring(0, headEnd)).isTrue();
                int end = headEnd + 4 + Integer.parseInt(m.group(1));
                if (text.length() >= end) {
                    answers.add(text.substring(0, end));
                    buffer.reset();
                    buffer.write(text.substring(end).getBytes(StandardCharsets.ISO_8859_1));
                    continue;
                }
            }
            int n = in.read(chunk);
            assertThat(n).as("the connection closed after %d answers", answers.size()).isPositive();
            buffer.write(chunk, 0, n);
        }
        return answers;
    }
}

package io.numicoin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Routing through a real gateway replica: reads balanced over the nodes with a node behind the tip
 * taken out, a backend down (fast 503) and back, unknown and mining routes unreachable, oversize
 * and malformed requests refused, the key headers never passed on, CORS and security headers.
 */
class GatewayRoutingIT {

    private static GatewayFixture fx;
    private static WebTestClient a;
    private static String key;

    @BeforeAll
    static void start() throws Exception {
        fx = GatewayFixture.shared();
        a = fx.aAsFreshClient();
        key = fx.roomyKey();
    }

    private static String backendOf(String path) {
        return a.get().uri(path).header("X-Api-Key", key).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Backend");
    }

    @Test
    void readsAreBalancedAndANodeBehindTheTipIsLeftOut() {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                seen.add(backendOf("/api/v1/blocks/height/1"));
            }
            return seen.equals(Set.of("node-1", "node-2"));
        });
        fx.node2.height(90);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < 6; i++) {
                    seen.add(backendOf("/api/v1/accounts/rnumi1abc"));
                }
                return seen.equals(Set.of("node-1"));
            });
        } finally {
            fx.node2.height(100);
        }
    }

    @Test
    void aBackendDownIsAFast503AndServedAgainWhenBack() {
        fx.explorer.stop();
        try {
            // the gateway may have one kept-alive connection to it in hand as it goes: the next request sees it down
            Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).until(() ->
                    a.get().uri("/api/v1/explorer/blocks").header("X-Api-Key", key).exchange()
                            .returnResult(String.class).getStatus().value() == 503);
            a.get().uri("/api/v1/explorer/blocks").header("X-Api-Key", key).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.rule").isEqualTo("UNAVAILABLE").jsonPath("$.backend").isEqualTo("explorer")
                    .jsonPath("$.detail").isEqualTo("the explorer backend is unavailable; try again later");
            a.get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isOk();
            // out of rotation once failures-to-leave (3) polls in a row have failed: 600 ms at the fixture's 200 ms
            Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    fx.a.management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                            .expectBody().jsonPath("$.components.backends.details.explorer.available").isEqualTo(false));
        } finally {
            fx.explorer.restart();
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                a.get().uri("/api/v1/explorer/blocks").header("X-Api-Key", key).exchange()
                        .returnResult(String.class).getStatus().value() == 200);
    }

    @Test
    void withBothNodesDownReadinessIsDownAndReadsFailFast() {
        fx.node1.stop();
        fx.node2.stop();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> fx.a.management().get().uri("/actuator/health/readiness")
                    .exchange().returnResult(String.class).getStatus().value() == 503);
            a.get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.backend").isEqualTo("node");
        } finally {
            fx.node1.restart();
            fx.node2.restart();
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> fx.a.management().get().uri("/actuator/health/readiness")
                .exchange().returnResult(String.class).getStatus().value() == 200);
    }

    @Test
    void unknownRoutesAreNotFound() {
        a.get().uri("/api/v1/nothing-here").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("NOT_FOUND");
        a.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
        a.get().uri("/v3/api-docs").exchange().expectStatus().isNotFound();
    }

    @Test
    void miningAndAdminEndpointsAreNeverRouted() {
        a.post().uri("/api/v1/blocks").header("Authorization", "Bearer a-mining-token-of-sixteen").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[] {1, 2, 3}).exchange().expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.rule").isEqualTo("METHOD_NOT_ALLOWED");
        // a path like a block's id: known to the route table for GET only
        a.post().uri("/api/v1/blocks/proposal").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[] {1}).exchange().expectStatus().isEqualTo(405);
        a.get().uri("/api/v1/template").exchange().expectStatus().isNotFound();
        a.get().uri("/api/v1/peers").exchange().expectStatus().isNotFound();
        a.get().uri("/api/v1/stream").exchange().expectStatus().isNotFound();
        assertThat(fx.node1.hits().stream().map(TestBackend.Hit::path))
                .noneMatch(p -> p.startsWith("/api/v1/blocks/proposal") || p.equals("/api/v1/template") || p.equals("/api/v1/peers"));
        assertThat(fx.node1.hits().stream().filter(h -> h.method().equals("POST")).map(TestBackend.Hit::path))
                .doesNotContain("/api/v1/blocks");
        assertThat(fx.mempool.hits().stream().map(TestBackend.Hit::path)).doesNotContain("/api/v1/template");
    }

    @Test
    void keyHeadersAndCookiesAreNotPassedToBackends() {
        a.get().uri("/api/v1/mempool").header("X-Api-Key", key).header("Cookie", "session=1").exchange().expectStatus().isOk();
        TestBackend.Hit hit = fx.mempool.hits().stream().filter(h -> h.path().equals("/api/v1/mempool")).reduce((x, y) -> y).orElseThrow();
        assertThat(hit.headers()).doesNotContainKeys("X-Api-Key", "Authorization", "Cookie");
    }

    @Test
    void oversizeAndMalformedRequestsAreRefused() {
        a.post().uri("/api/v1/transactions").header("X-Api-Key", key).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[200 * 1024]).exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.rule").isEqualTo("TOO_LARGE");
        a.post().uri("/api/v1/transactions").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"hex\": ").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.rule").isEqualTo("INVALID_PARAMETER");
        a.post().uri("/api/v1/transactions").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"hex\": \"zz\"}").exchange().expectStatus().isBadRequest();
        a.post().uri("/api/v1/transactions").header("X-Api-Key", key).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("00").exchange().expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.rule").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        a.get().uri("/api/v1/chain").header("X-Api-Key", "numi_not-a-key").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.rule").isEqualTo("INVALID_API_KEY");
        a.get().uri("/api/v1/chain").header("X-Api-Key", "numi_0123456789ab_" + "A".repeat(43)).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.detail").isEqualTo("the API key is not known");
    }

    @Test
    void submissionGetsTheMempoolsVerdictAndFallsBackToANode() {
        fx.mempool.submitMode(TestBackend.SubmitMode.ADDED);
        a.post().uri("/api/v1/transactions").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"hex\": \"0a0b0c\"}").exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.txid").isEqualTo("len3b10").jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.outcome").isEqualTo("ADDED");
        fx.mempool.submitMode(TestBackend.SubmitMode.REFUSED);
        a.post().uri("/api/v1/transactions").header("X-Api-Key", key).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[] {7, 7}).exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("NONCE_TOO_LOW").jsonPath("$.outcome").isEqualTo("INVALID");
        fx.mempool.submitMode(TestBackend.SubmitMode.FAIL_503);
        try {
            a.post().uri("/api/v1/transactions").header("X-Api-Key", key).contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .bodyValue(new byte[] {9, 9, 9, 9}).exchange().expectStatus().isAccepted()
                    .expectBody().jsonPath("$.status").isEqualTo("SEEN").jsonPath("$.txid").isEqualTo("len4b9");
        } finally {
            fx.mempool.submitMode(TestBackend.SubmitMode.ADDED);
        }
    }

    @Test
    void corsAndSecurityHeaders() {
        a.options().uri("/api/v1/chain").header("Origin", "https://wallet.example")
                .header("Access-Control-Request-Method", "GET").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://wallet.example");
        a.options().uri("/api/v1/chain").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").exchange().expectStatus().isForbidden();
        a.get().uri("/api/v1/chain").header("X-Api-Key", key).header("Origin", "https://wallet.example").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().valueMatches("Access-Control-Expose-Headers", ".*RateLimit-Remaining.*");
    }

    @Test
    void oneOpenApiDocumentListsExactlyThePublicRoutes() {
        a.get().uri("/api/v1/openapi.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").isEqualTo("3.1.0")
                .jsonPath("$.paths['/api/v1/transactions'].post.operationId").isEqualTo("submit")
                .jsonPath("$.paths['/api/v1/explorer/search'].get.x-numi-cost").isEqualTo("expensive")
                .jsonPath("$.paths['/api/v1/template']").doesNotExist()
                .jsonPath("$.paths['/api/v1/blocks'].post").doesNotExist()
                .jsonPath("$.paths['/api/v1/blocks/proposal']").doesNotExist();
    }
}

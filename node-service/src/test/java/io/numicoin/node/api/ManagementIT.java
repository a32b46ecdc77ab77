package io.numicoin.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.protocol.block.Block;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * What runs beside the API: health probes (readiness follows PostgreSQL and Kafka), Prometheus
 * metrics, the admin operations on the management port behind the token, and the OpenAPI document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagementIT {

    static final TestNodeInfra INFRA = TestNodeInfra.start("api_management");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.register(registry);
        registry.add("numi.integrity.check-level", () -> "2");
        registry.add("numi.snapshot.directory", SNAPSHOTS::toString);
        // off by default (HttpHardeningIT): this class checks the document, so it turns them on
        registry.add("springdoc.api-docs.enabled", () -> "true");
        registry.add("springdoc.swagger-ui.enabled", () -> "true");
    }

    static final java.nio.file.Path SNAPSHOTS = snapshotDirectory();

    private static java.nio.file.Path snapshotDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("numi-snapshots");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void closeInfrastructure() {
        INFRA.close();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @LocalManagementPort
    int managementPort;

    WebTestClient management;

    @BeforeEach
    void managementClient() {
        management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void livenessAndReadinessAreUpWithDatabaseAndKafkaInReadiness() {
        management.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.details.brokers").isEqualTo(1);
    }

    @Test
    void readinessGoesDownWhileKafkaIsUnreachableAndComesBack() {
        INFRA.kafka.stop();
        try {
            management.get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("DOWN")
                    .jsonPath("$.components.kafka.status").isEqualTo("DOWN")
                    .jsonPath("$.components.db.status").isEqualTo("UP");
            management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        } finally {
            INFRA.kafka.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
    }

    @Test
    void prometheusExposesChainStreamImportAndRequestMetrics() {
        ChainBuilder builder = ChainBuilder.regtest();
        Block block = builder.child(builder.genesis()).coinbaseTo(TestKeys.address(3)).coinbaseMemo("metrics").build();
        new ApiClient(web).postBlock(block);
        web.get().uri("/api/v1/chain").exchange().expectStatus().isOk();

        String metrics = management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics)
                .contains("numi_chain_height ")
                .contains("numi_chain_tip_age_seconds ")
                .contains("numi_chain_blocks_connected_total")
                .contains("numi_chain_reorgs_total")
                .contains("numi_chain_transfers_verified_total")
                .contains("numi_chain_transfers_passed_before_total")
                .contains("numi_chain_signature_keys_total{expanded=\"cached\"")
                .contains("numi_chain_signature_keys_total{expanded=\"now\"")
                .contains("numi_chain_reorg_depth_blocks")
                .contains("numi_stream_events_dropped_total")
                .contains("numi_stream_subscribers")
                .contains("numi_outbox_lag_rows")
                .contains("numi_block_import_seconds_count{outcome=")
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/v1/chain\"");
    }

    @Test
    void adminOperationsNeedTheTokenAndLiveOnlyOnTheManagementPort() {
        assertAdminProblem(management.get().uri("/admin").exchange(), 401, "ADMIN_TOKEN_REQUIRED");
        assertAdminProblem(management.get().uri("/admin").header("X-Numi-Admin-Token", "wrong").exchange(), 401, "ADMIN_TOKEN_REQUIRED");
        List<Map<String, String>> operations = management.get().uri("/admin").header("X-Numi-Admin-Token", TestNodeInfra.ADMIN_TOKEN)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, String>>>() {
                }).returnResult().getResponseBody();
        assertThat(operations).contains(Map.of("name", "integrity-check",
                "description", "Runs the startup integrity check now, holding the import lock; a failure stops the chain service"));
        management.post().uri("/admin/integrity-check").header("X-Numi-Admin-Token", TestNodeInfra.ADMIN_TOKEN).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.operation").isEqualTo("integrity-check")
                .jsonPath("$.result.passed").isEqualTo(true)
                .jsonPath("$.result.level").isEqualTo(2)
                .jsonPath("$.result.problems").isEmpty();
        assertAdminProblem(management.post().uri("/admin/no-such-operation").header("X-Numi-Admin-Token", TestNodeInfra.ADMIN_TOKEN)
                .exchange(), 404, "UNKNOWN_OPERATION");
        web.get().uri("/admin").exchange().expectStatus().isNotFound();
        web.post().uri("/admin/integrity-check").header("X-Numi-Admin-Token", TestNodeInfra.ADMIN_TOKEN).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theSnapshotExportOperationWritesAVerifiableSnapshotIntoTheDirectory() throws Exception {
        byte[] body = management.post().uri("/admin/snapshot-export").header("X-Numi-Admin-Token", TestNodeInfra.ADMIN_TOKEN).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.operation").isEqualTo("snapshot-export")
                .jsonPath("$.result.chunks").isNumber()
                .returnResult().getResponseBody();
        String file = com.jayway.jsonpath.JsonPath.read(new String(body, java.nio.charset.StandardCharsets.UTF_8), "$.result.file");
        assertThat(java.nio.file.Path.of(file).getParent()).isEqualTo(SNAPSHOTS.toAbsolutePath());
        io.numicoin.node.snapshot.SnapshotVerifier.Verified verified = io.numicoin.node.snapshot.SnapshotVerifier.verify(
                java.nio.file.Path.of(file), io.numicoin.protocol.params.NetworkParams.regtest(), java.time.Instant.now().getEpochSecond());
        assertThat(file).endsWith("numi-regtest-" + verified.manifest().height() + ".snapshot");
        web.post().uri("/admin/snapshot-export").header("X-Numi-Admin-Token", TestNodeInfra.ADMIN_TOKEN).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theOpenApiDocumentListsEveryApiEndpoint() {
        Map<?, ?> document = web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> documented.add(method.toUpperCase() + " " + path)));

        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition().getPatterns().stream()
                .map(Object::toString)
                .filter(path -> path.startsWith("/api/"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method.name() + " " + path))));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(mapped).containsExactlyInAnyOrder(
                "GET /api/v1/chain",
                "GET /api/v1/blocks",
                "POST /api/v1/blocks", "POST /api/v1/blocks/proposal",
                "GET /api/v1/blocks/{id}",
                "GET /api/v1/blocks/height/{height}",
                "GET /api/v1/headers",
                "GET /api/v1/transactions/{txid}",
                "POST /api/v1/transactions",
                "GET /api/v1/accounts/{address}",
                "GET /api/v1/peers",
                "GET /api/v1/stream");
        Map<?, ?> schemas = (Map<?, ?>) ((Map<?, ?>) document.get("components")).get("schemas");
        assertThat(schemas.containsKey("Problem")).isTrue();
        assertThat(paths.get("/api/v1/transactions").get("post").toString())
                .contains("202").contains("default").contains("application/problem+json");
        web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    /** Last: it leaves the chain service refusing calls. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anOnDemandCheckThatFindsDamageStopsTheChainService() {
        ChainBuilder builder = ChainBuilder.regtest();
        new ApiClient(web).postBlock(builder.child(builder.genesis()).coinbaseTo(TestKeys.address(3)).coinbaseMemo("metrics").build());
        assertThat(jdbc.sql("UPDATE immature_rewards SET amount = amount + 1").update()).isPositive();

        management.post().uri("/admin/integrity-check").header("X-Numi-Admin-Token", TestNodeInfra.ADMIN_TOKEN).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.result.passed").isEqualTo(false)
                .jsonPath("$.result.problems[0].kind").isEqualTo("ACCOUNTS_MISMATCH")
                .jsonPath("$.result.message").value(message -> assertThat(message.toString()).contains("--numi.command=reindex"));
        ApiClient.assertProblem(web.get().uri("/api/v1/chain").exchange(), 503, "UNAVAILABLE");
        ApiClient.assertProblem(web.post().uri("/api/v1/blocks").header("Authorization", TestNodeInfra.MINING_AUTHORIZATION).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(io.numicoin.protocol.codec.BlockCodec.encode(builder.child(builder.genesis()).coinbaseMemo("x").build()))
                .exchange(), 503, "UNAVAILABLE");
    }

    private static void assertAdminProblem(WebTestClient.ResponseSpec response, int status, String rule) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.rule").isEqualTo(rule)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.type").isEqualTo("https://numicoin.io/problems/" + rule.toLowerCase().replace('_', '-'));
    }
}

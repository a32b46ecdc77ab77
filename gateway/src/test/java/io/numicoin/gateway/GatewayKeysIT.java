package io.numicoin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.gateway.key.ApiKey;
import io.numicoin.gateway.key.ApiKeyStore;
import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.route.Scope;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** API keys in real PostgreSQL through both replicas: scopes, revocation seen at once by both, metrics by key id. */
class GatewayKeysIT {

    private static GatewayFixture fx;

    @BeforeAll
    static void start() {
        fx = GatewayFixture.shared();
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceByEveryReplica() throws Exception {
        ApiKeyStore.Created created = fx.keys.create("revoke-me", EnumSet.allOf(Scope.class), new Limits(100, 100, 100, 100));
        String key = created.token().text();
        // both replicas have verified (and cached, for 30 s) the key; the revocation's NOTIFY evicts it
        fx.aAsFreshClient().get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isOk();
        fx.b.client().get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isOk();
        assertThat(fx.keys.revoke(created.key().id())).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3)).pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> fx.aAsFreshClient().get().uri("/api/v1/chain").header("X-Api-Key", key).exchange()
                        .returnResult(String.class).getStatus().value() == 401
                        && fx.b.client().get().uri("/api/v1/chain").header("X-Api-Key", key).exchange()
                        .returnResult(String.class).getStatus().value() == 401);
        fx.b.client().get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.rule").isEqualTo("INVALID_API_KEY").jsonPath("$.detail").isEqualTo("the API key has been revoked");
        assertThat(fx.keys.revoke(created.key().id())).isFalse();
        assertThat(fx.keys.list()).filteredOn(k -> k.id().equals(created.key().id())).singleElement()
                .satisfies(k -> assertThat(k.revoked()).isTrue());
    }

    @Test
    void aKeyWithoutTheSubmitScopeCannotSubmit() throws Exception {
        String reader = fx.key(new Limits(10, 10, 10, 10), Set.of(Scope.READ));
        fx.aAsFreshClient().post().uri("/api/v1/transactions").header("X-Api-Key", reader).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[] {1}).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.rule").isEqualTo("SCOPE_MISSING");
        fx.aAsFreshClient().get().uri("/api/v1/mempool").header("X-Api-Key", reader).exchange().expectStatus().isOk();
    }

    @Test
    void aWrongSecretForAKnownIdIsRefused() throws Exception {
        ApiKeyStore.Created created = fx.keys.create("x", EnumSet.allOf(Scope.class), new Limits(10, 10, 10, 10));
        String forged = "numi_" + created.key().id() + "_" + "B".repeat(43);
        fx.aAsFreshClient().get().uri("/api/v1/chain").header("X-Api-Key", forged).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void requestsAreCountedByKeyIdNeverByTheKey() throws Exception {
        ApiKeyStore.Created created = fx.keys.create("metrics", EnumSet.allOf(Scope.class), new Limits(10, 10, 10, 10));
        fx.aAsFreshClient().get().uri("/api/v1/fees/estimate?blocks=1").header("X-Api-Key", created.token().text()).exchange().expectStatus().isOk();
        MeterRegistry meters = fx.a.bean(MeterRegistry.class);
        // recorded when the exchange completes, which may be just after the client has the answer
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> meters.find("numi.gateway.requests")
                .tag("key", created.key().id()).tag("route", "fee-estimate").tag("status", "200").timer() != null);
        String scrape = fx.a.management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody().collectList().block().stream().reduce("", String::concat);
        assertThat(scrape).contains(created.key().id()).doesNotContain(created.token().secret());
        // one timing per request is enough: WebFlux's own server observation is off
        assertThat(meters.find("http.server.requests").meters()).isEmpty();
        ApiKey stored = fx.keys.find(created.key().id()).orElseThrow().key();
        assertThat(stored.label()).isEqualTo("metrics");
    }
}

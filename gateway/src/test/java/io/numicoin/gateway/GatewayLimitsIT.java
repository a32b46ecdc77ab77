package io.numicoin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.gateway.limit.LeasedTokenBuckets;
import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.route.Cost;
import io.numicoin.gateway.route.Scope;
import java.time.Duration;
import java.util.EnumSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Token buckets through two real gateway replicas sharing one real Redis: burst and refill per
 * address and per key, the expensive budget apart from the standard one, one budget across
 * replicas, and which address X-Forwarded-For counts as (trusted on A, ignored on B).
 */
class GatewayLimitsIT {

    private static GatewayFixture fx;

    @BeforeAll
    static void start() {
        fx = GatewayFixture.shared();
    }

    private static WebTestClient.ResponseSpec chainVia(WebTestClient client, String forwardedFor) {
        return client.get().uri("/api/v1/chain").header("X-Forwarded-For", forwardedFor).exchange();
    }

    @Test
    void anAddressGetsItsBurstThen429WithRetryAfterThenRefills() {
        String ip = fx.freshAddress();
        WebTestClient a = fx.a.client();
        for (int i = 0; i < GatewayFixture.ANONYMOUS.burst(); i++) {
            chainVia(a, ip).expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", Integer.toString(GatewayFixture.ANONYMOUS.burst()))
                    .expectHeader().exists("RateLimit-Remaining").expectHeader().exists("RateLimit-Reset");
        }
        chainVia(a, ip).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches("Retry-After", "[12]")
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectBody().jsonPath("$.rule").isEqualTo("RATE_LIMITED").jsonPath("$.status").isEqualTo(429);
        // a token every 2 s: one request passes again, not a burst
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> chainVia(a, ip).returnResult(String.class).getStatus().value() == 200);
        chainVia(a, ip).expectStatus().isEqualTo(429);
    }

    @Test
    void expensiveRoutesHaveTheirOwnSmallerBudget() {
        String ip = fx.freshAddress();
        WebTestClient a = fx.a.client();
        for (int i = 0; i < GatewayFixture.ANONYMOUS.expensiveBurst(); i++) {
            a.get().uri("/api/v1/explorer/search?q=1").header("X-Forwarded-For", ip).exchange().expectStatus().isOk();
        }
        a.get().uri("/api/v1/explorer/addresses/rnumi1x/history").header("X-Forwarded-For", ip).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("RateLimit-Limit", Integer.toString(GatewayFixture.ANONYMOUS.expensiveBurst()))
                .expectHeader().valueMatches("Retry-After", "[1-4]");
        chainVia(a, ip).expectStatus().isOk();
    }

    @Test
    void eachKeyHasItsOwnBudgetSharedByBothReplicas() throws Exception {
        Limits limits = new Limits(0.2, 4, 0.2, 1);
        String key = fx.key(limits, EnumSet.allOf(Scope.class));
        String other = fx.key(limits, EnumSet.allOf(Scope.class));
        WebTestClient a = fx.aAsFreshClient();
        WebTestClient b = fx.b.client();
        a.get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isOk();
        b.get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isOk();
        a.get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isOk();
        b.get().uri("/api/v1/chain").header("Authorization", "Bearer " + key).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "0");
        a.get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isEqualTo(429)
                .expectHeader().valueMatches("Retry-After", "[1-5]");
        b.get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isEqualTo(429);
        b.get().uri("/api/v1/chain").header("X-Api-Key", other).exchange().expectStatus().isOk();
    }

    @Test
    void aLargeBucketLeasedInBatchesByBothReplicasStillHoldsOneBudget() throws Exception {
        Limits limits = new Limits(0.001, 200, 0.001, 200);  // no refill to speak of during the test
        int batch = LeasedTokenBuckets.batch(limits.bucket(Cost.STANDARD));
        assertThat(batch).isEqualTo(10);
        String key = fx.key(limits, EnumSet.allOf(Scope.class));
        WebTestClient a = fx.aAsFreshClient();
        WebTestClient b = fx.b.client();
        // B leases a batch and serves one of it; A then serves everything else the Redis bucket holds
        b.get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().expectStatus().isOk();
        int servedByA = 0;
        while (a.get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().returnResult(String.class).getStatus().value() == 200) {
            servedByA++;
        }
        assertThat(servedByA).as("refused with B's unused lease outstanding, no more").isEqualTo(200 - batch);
        int servedByB = 1;
        while (b.get().uri("/api/v1/chain").header("X-Api-Key", key).exchange().returnResult(String.class).getStatus().value() == 200) {
            servedByB++;
        }
        // B's lease may have ended (1 s) while A was served: its tokens are then lost, never served twice
        assertThat(servedByA + servedByB).as("both replicas together: the one budget, never more")
                .isBetween(200 - (batch - 1), 200);
    }

    @Test
    void trustedProxyForwardedForSeparatesClients() {
        String first = fx.freshAddress();
        String second = fx.freshAddress();
        WebTestClient a = fx.a.client();
        for (int i = 0; i < GatewayFixture.ANONYMOUS.burst(); i++) {
            chainVia(a, first).expectStatus().isOk();
        }
        chainVia(a, first).expectStatus().isEqualTo(429);
        // a chain ending at the trusted proxy: the client is the hop before it
        chainVia(a, second + ", 127.0.0.1").expectStatus().isOk();
        // a spoofed leftmost entry does not escape: the rightmost untrusted hop is the client
        chainVia(a, "203.0.113.77, " + first).expectStatus().isEqualTo(429);
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        WebTestClient b = fx.b.client();
        for (int i = 0; i < GatewayFixture.ANONYMOUS.burst(); i++) {
            chainVia(b, fx.freshAddress()).expectStatus().isOk();
        }
        // every request counted against 127.0.0.1 whatever it claimed
        chainVia(b, fx.freshAddress()).expectStatus().isEqualTo(429);
    }

    @Test
    void madeUpKeysCostTheirAddressTokensBeforeAnyLookup() {
        String ip = fx.freshAddress();
        WebTestClient a = fx.a.client();
        java.util.Random random = new java.util.Random(13);
        long start = System.nanoTime();
        int unauthorized = 0;
        while (true) {
            String id = String.format("%012x", random.nextLong() & 0xffffffffffffL);
            var answer = a.get().uri("/api/v1/chain").header("X-Forwarded-For", ip)
                    .header("X-Api-Key", "numi_" + id + "_" + "C".repeat(43)).exchange().expectBody(String.class).returnResult();
            if (answer.getStatus().value() == 429) {
                assertThat(answer.getResponseBody()).contains("\"rule\":\"RATE_LIMITED\"");
                break;
            }
            assertThat(answer.getStatus().value()).isEqualTo(401);
            unauthorized++;
            // the burst, and what the bucket refilled meanwhile (a token every 2 s: a loaded machine is slow), no more
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(unauthorized).as("lookups after %.1f s", seconds)
                    .isLessThanOrEqualTo(GatewayFixture.ANONYMOUS.burst() + (int) Math.ceil(seconds * GatewayFixture.ANONYMOUS.rate()));
        }
        assertThat(unauthorized).isGreaterThanOrEqualTo(GatewayFixture.ANONYMOUS.burst());
    }
}

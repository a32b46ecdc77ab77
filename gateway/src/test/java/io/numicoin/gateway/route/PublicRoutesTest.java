package io.numicoin.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

/** The route table against the backends' controllers: what is public, and what never is. */
class PublicRoutesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET, /api/v1/chain, chain",
            "GET, /api/v1/blocks/00ff, block",
            "GET, /api/v1/blocks/height/7, block-at-height",
            "HEAD, /api/v1/blocks/height/7, block-at-height",
            "GET, /api/v1/headers, headers",
            "GET, /api/v1/transactions/abcd, transaction",
            "POST, /api/v1/transactions, submit",
            "GET, /api/v1/accounts/rnumi1x, account",
            "GET, /api/v1/fees/estimate, fee-estimate",
            "GET, /api/v1/mempool/accounts/rnumi1x, mempool-account",
            "GET, /api/v1/explorer/addresses/rnumi1x/history, explorer-address-history",
            "GET, /api/v1/explorer/search, explorer-search"})
    void routed(String method, String path, String id) {
        assertThat(PublicRoutes.match(HttpMethod.valueOf(method), path).route().map(PublicRoute::id)).contains(id);
    }

    @ParameterizedTest(name = "{0} {1} is not routed")
    @CsvSource({
            // mining: block submission, proposals, templates; the node's peers and event stream; management
            "POST, /api/v1/blocks", "POST, /api/v1/blocks/proposal", "GET, /api/v1/template", "GET, /api/v1/peers",
            "GET, /api/v1/stream", "POST, /api/v1/mempool/transactions", "GET, /actuator/health",
            "GET, /actuator/prometheus", "DELETE, /api/v1/transactions/ab", "GET, /api/v1/blocks/a/b/c"})
    void notRouted(String method, String path) {
        assertThat(PublicRoutes.match(HttpMethod.valueOf(method), path).route()).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/transactions, EXPENSIVE", "/api/v1/explorer/search, EXPENSIVE",
            "/api/v1/explorer/addresses/{address}/history, EXPENSIVE", "/api/v1/chain, STANDARD"})
    void costs(String path, Cost cost) {
        assertThat(PublicRoutes.all()).filteredOn(r -> r.path().equals(path)).allSatisfy(r -> assertThat(r.cost()).isEqualTo(cost));
    }
}

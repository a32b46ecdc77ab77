package io.numicoin.minertest;

import io.numicoin.protocol.hash.Hash256;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * TEST configuration only, added to an in-process node for runs without the mempool service: a
 * stand-in for the mempool's {@code GET /api/v1/template} answering an empty template on the
 * node's tip (read from its {@code chain_tip} row).
 */
@Configuration(proxyBeanMethods = false)
public class EmptyTemplateEndpoint {

    record Tip(Hash256 id, long height) {
    }

    @Bean
    RouterFunction<ServerResponse> emptyTemplateRoute(JdbcTemplate jdbc) {
        return RouterFunctions.route(RequestPredicates.GET("/api/v1/template"), request -> tip(jdbc).flatMap(tip ->
                ServerResponse.ok().bodyValue(Map.of(
                        "tipId", tip.id().toString(),
                        "tipHeight", tip.height(),
                        "height", tip.height() + 1,
                        "count", 0,
                        "totalFees", 0,
                        "transactions", List.of()))));
    }

    private static Mono<Tip> tip(JdbcTemplate jdbc) {
        return Mono.fromCallable(() -> jdbc.queryForObject("SELECT id, height FROM chain_tip",
                (rs, n) -> new Tip(Hash256.of(rs.getBytes(1)), rs.getLong(2)))).subscribeOn(Schedulers.boundedElastic());
    }
}

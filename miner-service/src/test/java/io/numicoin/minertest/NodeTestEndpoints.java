package io.numicoin.minertest;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.state.StateCommitment;
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
 * TEST configuration only, added to an in-process node: the endpoint the miner needs and the node
 * does not serve yet, {@code GET /api/v1/chain/state-accumulator} (proposed in docs/miner.md), read
 * from the node's {@code chain_tip} row (id, height and accumulator in one row, so consistent).
 * Also an empty-template stand-in for the mempool's {@code GET /api/v1/template} on the node's tip,
 * for runs without the mempool service.
 */
@Configuration(proxyBeanMethods = false)
public class NodeTestEndpoints {

    record Tip(Hash256 id, long height, MuHash3072 accumulator) {
    }

    @Bean
    RouterFunction<ServerResponse> minerTestRoutes(JdbcTemplate jdbc) {
        return RouterFunctions
                .route(RequestPredicates.GET("/api/v1/chain/state-accumulator"), request -> tip(jdbc).flatMap(tip ->
                        ServerResponse.ok().bodyValue(Map.of(
                                "tipId", tip.id().toString(),
                                "height", tip.height(),
                                "accumulator", Bytes.of(tip.accumulator().finalizeBytes()).toHex(),
                                "commitment", StateCommitment.of(tip.accumulator()).toString()))))
                .andRoute(RequestPredicates.GET("/api/v1/template"), request -> tip(jdbc).flatMap(tip ->
                        ServerResponse.ok().bodyValue(Map.of(
                                "tipId", tip.id().toString(),
                                "tipHeight", tip.height(),
                                "height", tip.height() + 1,
                                "count", 0,
                                "totalFees", 0,
                                "transactions", List.of()))));
    }

    private static Mono<Tip> tip(JdbcTemplate jdbc) {
        return Mono.fromCallable(() -> jdbc.queryForObject("SELECT id, height, accumulator FROM chain_tip", (rs, n) -> {
            try {
                return new Tip(Hash256.of(rs.getBytes(1)), rs.getLong(2), MuHash3072.fromBytes(rs.getBytes(3)));
            } catch (DecodeException e) {
                throw new IllegalStateException(e);
            }
        })).subscribeOn(Schedulers.boundedElastic());
    }
}

package io.numicoin.gateway.openapi;

import io.numicoin.gateway.backend.BackendInstance;
import io.numicoin.gateway.backend.BackendPool;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/openapi.json}: {@link OpenApiDocument}, rebuilt at most once a minute from the
 * backends' documents that answer within a second (a backend down only loses its details).
 */
public final class OpenApiHandler {

    private static final int MAX_BACKEND_DOC_BYTES = 4 * 1024 * 1024;

    private final List<BackendPool> pools;
    private final WebClient web;
    private final JsonMapper json;
    private final String version;
    private final Mono<byte[]> cached;

    public OpenApiHandler(List<BackendPool> pools, WebClient web, JsonMapper json, String version) {
        this.pools = List.copyOf(pools);
        this.web = web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(MAX_BACKEND_DOC_BYTES)).build();
        this.json = json;
        this.version = version;
        this.cached = Mono.defer(this::render).cache(doc -> Duration.ofMinutes(1), e -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<ServerResponse> serve(ServerRequest request) {
        return cached.flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "public, max-age=60").bodyValue(body));
    }

    private Mono<byte[]> render() {
        return Flux.fromIterable(pools)
                .flatMap(pool -> pool.pick().map(this::fetch).orElse(Mono.empty()))
                .collectList()
                .map(docs -> json.writeValueAsBytes(OpenApiDocument.build(json, version, docs)));
    }

    private Mono<JsonNode> fetch(BackendInstance instance) {
        return web.get().uri(instance.uri().resolve("/v3/api-docs")).retrieve().bodyToMono(JsonNode.class)
                .timeout(Duration.ofSeconds(1)).onErrorResume(e -> Mono.empty());
    }
}

package io.numicoin.gateway.config;

import io.numicoin.gateway.backend.BackendCallFilter;
import io.numicoin.gateway.backend.BackendPool;
import io.numicoin.gateway.openapi.OpenApiHandler;
import io.numicoin.gateway.route.Backend;
import io.numicoin.gateway.route.PublicRoute;
import io.numicoin.gateway.route.PublicRoutes;
import io.numicoin.gateway.submit.SubmitHandler;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routes, all from {@link PublicRoutes}: each proxied read becomes a Spring Cloud Gateway route to
 * its backend's pool (the client's key headers removed on the way); submission and the OpenAPI
 * document are answered by the gateway itself.
 */
@Configuration(proxyBeanMethods = false)
public class RouteConfiguration {

    @Bean
    RouteLocator publicRoutes(RouteLocatorBuilder builder, BackendConfiguration.Pools pools, NumiGatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (PublicRoute route : PublicRoutes.all()) {
            if (route.backend() == Backend.GATEWAY || route.path().equals(PublicRoutes.SUBMIT_PATH)) {
                continue;
            }
            BackendPool pool = switch (route.backend()) {
                case NODE -> pools.node();
                case MEMPOOL -> pools.mempool();
                case EXPLORER -> pools.explorer();
                case GATEWAY -> throw new IllegalStateException();
            };
            BackendCallFilter call = new BackendCallFilter(pool, route.idempotent() ? properties.resilience().readAttempts() : 1);
            routes.route(route.id(), r -> r.method(route.method(), HttpMethod.HEAD).and().path(route.path())
                    .filters(f -> f.removeRequestHeader("Authorization").removeRequestHeader("X-Api-Key")
                            .removeRequestHeader("Cookie").filter(call))
                    .uri("http://" + route.backend().name().toLowerCase(java.util.Locale.ROOT) + ".backend"));
        }
        return routes.build();
    }

    @Bean
    SubmitHandler submitHandler(BackendConfiguration.Pools pools, WebClient backendWebClient, NumiGatewayProperties properties,
            JsonMapper json) {
        return new SubmitHandler(pools.mempool(), pools.node(), backendWebClient, properties.resilience().submitTimeout(), json);
    }

    @Bean
    OpenApiHandler openApiHandler(BackendConfiguration.Pools pools, WebClient backendWebClient, JsonMapper json) {
        String version = RouteConfiguration.class.getPackage().getImplementationVersion();
        return new OpenApiHandler(pools.all(), backendWebClient, json, version == null ? "dev" : version);
    }

    @Bean
    RouterFunction<ServerResponse> gatewayOwnRoutes(SubmitHandler submit, OpenApiHandler openApi) {
        return RouterFunctions.route(RequestPredicates.POST(PublicRoutes.SUBMIT_PATH), submit::submit)
                .andRoute(RequestPredicates.GET(PublicRoutes.OPENAPI_PATH), openApi::serve);
    }
}

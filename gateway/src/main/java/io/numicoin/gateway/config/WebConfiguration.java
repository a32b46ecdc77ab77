package io.numicoin.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.gateway.client.ClientAddressResolver;
import io.numicoin.gateway.key.ApiKeyVerifier;
import io.numicoin.gateway.limit.TokenBuckets;
import io.numicoin.gateway.web.AnswerLog;
import io.numicoin.gateway.web.CallerFilter;
import io.numicoin.gateway.web.EdgeFilter;
import io.numicoin.gateway.web.FilterOrder;
import io.numicoin.gateway.web.GatewayProblemHandler;
import io.numicoin.gateway.web.ProblemWriter;
import io.numicoin.gateway.web.RateLimitFilter;
import io.numicoin.gateway.web.RouteFilter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The web filters in {@link FilterOrder}, CORS, and the problem+json error handler. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    AnswerLog answerLog(MeterRegistry meters) {
        return new AnswerLog(meters);
    }

    @Bean
    EdgeFilter edgeFilter(AnswerLog answers) {
        return new EdgeFilter(answers);
    }

    @Bean
    RouteFilter routeFilter(ProblemWriter problems) {
        return new RouteFilter(problems);
    }

    @Bean
    CallerFilter callerFilter(NumiGatewayProperties properties, ApiKeyVerifier keys, ProblemWriter problems, TokenBuckets buckets) {
        return new CallerFilter(ClientAddressResolver.of(properties.trustedProxies()), keys, properties.limits().anonymous(), problems,
                buckets);
    }

    @Bean
    RateLimitFilter rateLimitFilter(TokenBuckets buckets, ProblemWriter problems) {
        return new RateLimitFilter(buckets, problems);
    }

    /** Browser wallets: the configured origins may call every route (preflights answered before the limits). */
    @Bean
    WebFilter corsFilter(NumiGatewayProperties properties) {
        List<String> origins = properties.cors().allowedOrigins();
        if (origins.isEmpty()) {
            return new OrderedFilter((exchange, chain) -> chain.filter(exchange));
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(origins);
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST"));
        cors.setAllowedHeaders(List.of("Content-Type", CallerFilter.KEY_HEADER));
        cors.setExposedHeaders(List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy", "Retry-After"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.cors().maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return new OrderedFilter(new CorsWebFilter(source));
    }

    @Bean
    @Order(-10)
    GatewayProblemHandler gatewayProblemHandler(JsonMapper json) {
        return new GatewayProblemHandler(json);
    }

    /** A filter at {@link FilterOrder#CORS}. */
    private record OrderedFilter(WebFilter delegate) implements WebFilter, Ordered {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return delegate.filter(exchange, chain);
        }

        @Override
        public int getOrder() {
            return FilterOrder.CORS;
        }
    }
}

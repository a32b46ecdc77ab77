package io.numicoin.gateway.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.gateway.client.ClientAddressResolver;
import io.numicoin.gateway.fast.FastReads;
import io.numicoin.gateway.key.ApiKeyVerifier;
import io.numicoin.gateway.limit.TokenBuckets;
import io.numicoin.gateway.web.AnswerLog;
import io.numicoin.gateway.web.ProblemWriter;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The fast path for plain proxied reads ({@link FastReads}; {@code numi.gateway.fast-reads}, on by
 * default): its handler in every connection of the public port, connecting to the backends with
 * Spring Cloud Gateway's HTTP client settings.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "numi.gateway.fast-reads", matchIfMissing = true)
public class FastReadConfiguration {

    @Bean
    FastReads fastReads(NumiGatewayProperties properties, ApiKeyVerifier keys, TokenBuckets buckets, BackendConfiguration.Pools pools,
            AnswerLog answers, MeterRegistry meters, ProblemWriter problems,
            @Value("${spring.cloud.gateway.server.webflux.httpclient.connect-timeout:1000}") int connectTimeoutMillis,
            @Value("${spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time:30s}") Duration maxIdle) {
        return new FastReads(ClientAddressResolver.of(properties.trustedProxies()), keys, properties.limits().anonymous(), buckets,
                pools.all(), properties.resilience().readAttempts(), answers,
                Counter.builder("numi.gateway.fast_reads").description("requests answered by the fast read path").register(meters), problems, !properties.cors().allowedOrigins().isEmpty(),
                Duration.ofMillis(connectTimeoutMillis), maxIdle);
    }

    /** Every accepted connection: the fast path goes in if it is the public port's. */
    @Bean
    NettyServerCustomizer fastReadChannels(FastReads reads) {
        return server -> server.doOnChannelInit((observer, channel, remote) -> reads.install(channel));
    }

    /** On closing, before the web server's graceful shutdown: every request to the Spring side, which drains them. */
    @Bean
    ApplicationListener<ContextClosedEvent> fastReadStop(FastReads reads) {
        return event -> reads.stop();
    }

    /** The public server's port (not the management server's, which shares the customizer). */
    @Bean
    ApplicationListener<WebServerInitializedEvent> fastReadPort(FastReads reads) {
        return event -> {
            if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
                reads.publicPort(event.getWebServer().getPort());
            }
        };
    }
}

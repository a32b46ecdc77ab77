package io.numicoin.gateway.config;

import io.numicoin.gateway.key.ApiKeyStore;
import io.numicoin.gateway.key.ApiKeyVerifier;
import io.numicoin.gateway.key.RevocationListener;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** API keys: the PostgreSQL store (schema from Flyway), the verifier's cache and the revocation listener. */
@Configuration(proxyBeanMethods = false)
public class KeyConfiguration {

    @Bean
    ApiKeyStore apiKeyStore(DataSource dataSource, @Value("${spring.flyway.default-schema:gateway}") String schema) {
        return new ApiKeyStore(dataSource, schema);
    }

    @Bean(destroyMethod = "dispose")
    Scheduler keyLookups() {
        return Schedulers.newBoundedElastic(16, 10_000, "numi-gateway-keys");
    }

    @Bean(destroyMethod = "close")
    RevocationListener revocationListener(DataSource dataSource) {
        return new RevocationListener(dataSource);
    }

    @Bean
    ApiKeyVerifier apiKeyVerifier(ApiKeyStore store, Scheduler keyLookups, NumiGatewayProperties properties,
            RevocationListener listener) {
        ApiKeyVerifier verifier = new ApiKeyVerifier(store, keyLookups, properties.keys().cacheTtl(),
                properties.keys().cacheSize(), Clock.systemUTC(), listener::listening);
        listener.start(verifier);
        return verifier;
    }
}

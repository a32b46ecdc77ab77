package io.numicoin.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.gateway.limit.FallbackTokenBuckets;
import io.numicoin.gateway.limit.LeasedTokenBuckets;
import io.numicoin.gateway.limit.LocalTokenBuckets;
import io.numicoin.gateway.limit.RedisTokenBuckets;
import io.numicoin.gateway.limit.TokenBuckets;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The token buckets: Redis (one budget for every replica, taken in small leases from large buckets;
 * this replica's own buckets while Redis fails) or, with {@code numi.gateway.limits.store=local}, only this process's (a single replica).
 */
@Configuration(proxyBeanMethods = false)
public class LimitConfiguration {

    @Bean
    TokenBuckets tokenBuckets(NumiGatewayProperties properties, ObjectProvider<ReactiveStringRedisTemplate> redis,
            MeterRegistry meters) {
        LocalTokenBuckets local = new LocalTokenBuckets();
        if (properties.limits().store() == NumiGatewayProperties.LimitSettings.Store.LOCAL) {
            return local;
        }
        ReactiveStringRedisTemplate template = redis.getObject();
        // connect now, not on the first request (a first connect can take longer than the fallback's timeout)
        try {
            template.getConnectionFactory().getReactiveConnection().ping().block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(LimitConfiguration.class).warn(
                    "Redis does not answer yet ({}); limiting with this replica's buckets until it does", e.toString());
        }
        RedisTokenBuckets redisBuckets = new RedisTokenBuckets(template, properties.limits().keyPrefix());
        Duration lease = properties.limits().leaseTime();
        TokenBuckets shared = lease.isZero() ? redisBuckets : new LeasedTokenBuckets(redisBuckets, lease);
        return new FallbackTokenBuckets(shared, local, properties.limits().sharedTimeout(), meters);
    }
}

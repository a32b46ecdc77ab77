package io.numicoin.support.http;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP limits of a service ({@link HttpLimits}, {@code numi.http.*}): read and idle timeouts on
 * its Netty server and the caps on requests and body bytes in progress. A service imports it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpLimits.class)
public class HttpLimitsConfiguration {

    @Bean
    public HttpTimeoutsCustomizer httpTimeoutsCustomizer(HttpLimits limits) {
        return new HttpTimeoutsCustomizer(limits);
    }

    @Bean
    public RequestLimitFilter requestLimitFilter(HttpLimits limits) {
        return new RequestLimitFilter(limits);
    }
}

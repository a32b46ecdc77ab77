package io.numicoin.mempool;

import io.numicoin.support.http.HttpLimitsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The NumiCoin mempool: validates transactions from {@code numi.tx.v1} and its API against the tip
 * (followed on {@code numi.chain.v1}), ranks them by fee rate, publishes {@code numi.mempool.v1},
 * serves block templates and fee estimates on port 8083.
 */
@SpringBootApplication
@Import(HttpLimitsConfiguration.class)  // numi.http.*: read/idle timeouts, caps on requests and body bytes in flight
@ConfigurationPropertiesScan
public class MempoolApplication {

    public static void main(String[] args) {
        SpringApplication.run(MempoolApplication.class, args);
    }
}

package io.numicoin.explorer;

import io.numicoin.support.http.HttpLimitsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The NumiCoin block explorer: follows {@code numi.chain.v1} and {@code numi.mempool.v1} into its
 * own read model (backfilled from a node's API when empty) and serves {@code /api/v1/explorer/**}
 * on port 8090.
 */
@SpringBootApplication
@Import(HttpLimitsConfiguration.class)  // numi.http.*: read/idle timeouts, caps on requests in flight
@ConfigurationPropertiesScan
public class ExplorerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExplorerApplication.class, args);
    }
}

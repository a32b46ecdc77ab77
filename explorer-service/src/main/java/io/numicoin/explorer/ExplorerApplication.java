package io.numicoin.explorer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The NumiCoin block explorer: follows {@code numi.chain.v1} and {@code numi.mempool.v1} into its
 * own read model (backfilled from a node's API when empty) and serves {@code /api/v1/explorer/**}
 * on port 8090.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExplorerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExplorerApplication.class, args);
    }
}

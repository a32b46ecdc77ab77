package io.numicoin.miner;

import io.numicoin.support.http.HttpLimitsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The miner: builds blocks on mempool templates, mines them with Argon2id and submits them to the
 * node. Its settings live in {@code miner.yml} ({@code spring.config.name=miner}), not
 * {@code application.yml}, so a node started in the same JVM (tests) keeps its own.
 */
@SpringBootApplication
@Import(HttpLimitsConfiguration.class)  // numi.http.*: read/idle timeouts, caps on requests and body bytes in flight
@ConfigurationPropertiesScan
public class MinerApplication {

    /** The configuration file name the miner reads ({@code miner.yml}). */
    public static final String CONFIG_NAME = "miner";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(MinerApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}

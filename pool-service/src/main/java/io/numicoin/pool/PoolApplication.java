package io.numicoin.pool;

import io.numicoin.support.http.HttpLimitsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The mining pool: Stratum v1 for miners, shares checked with Argon2id, vardiff, blocks to the
 * node, PPLNS credits and payouts in its own PostgreSQL ledger, statistics. Settings in
 * {@code pool.yml} ({@code spring.config.name=pool}), so a node or miner in the same test JVM keeps its own.
 */
@SpringBootApplication
@Import(HttpLimitsConfiguration.class)
@ConfigurationPropertiesScan
public class PoolApplication {

    public static final String CONFIG_NAME = "pool";

    /**
     * Runs the pool; {@code cpuminer HOST:PORT ADDRESS[.WORKER] [THREADS] [NETWORK]} runs the bundled
     * CPU Stratum miner from the same jar instead ({@code ./numi devnet --pool} starts both).
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("cpuminer")) {
            io.numicoin.pool.client.CpuMinerMain.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication application = new SpringApplication(PoolApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}

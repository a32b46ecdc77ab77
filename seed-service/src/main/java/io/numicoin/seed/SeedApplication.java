package io.numicoin.seed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The DNS seed: crawls peers, scores them, serves good ones over DNS. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SeedApplication {

    public static void main(String[] args) {
        SpringApplication.run(SeedApplication.class, args);
    }
}

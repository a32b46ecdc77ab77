package io.numicoin.testkit.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;

/**
 * The pattern for any Testcontainers-based test: skip (not fail) when no Docker engine runs, as
 * on the project's build machines, where PostgreSQL and Kafka come from testkit instead.
 */
class DockerContainerIT {

    @BeforeEach
    void requireDocker() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine: Testcontainers test skipped (logger org.testcontainers at DEBUG tells why)");
    }

    @Test
    void runsAOneShotContainer() {
        try (GenericContainer<?> container = new GenericContainer<>("busybox:1.36")
                .withCommand("echo", "numi")
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {
            container.start();
            assertThat(container.getLogs()).contains("numi");
        }
    }
}

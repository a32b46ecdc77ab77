package io.numicoin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.miner.MinerApplication;
import io.numicoin.node.api.admin.AdminProperties;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.testkit.TestKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code deploy/docker/numi-healthcheck}, the images' healthcheck (bash's /dev/tcp: the JRE image
 * has no curl), against a real management server: the miner's, started here with mining off.
 * 200 passes; 503 (readiness OUT_OF_SERVICE: mining is off), 404 and a closed port fail.
 */
class HealthcheckScriptTest {

    /** The node's admin routes are registered in every management context on this classpath: give them their settings. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdminProperties.class)
    static class BesideNode {
    }

    private static ConfigurableApplicationContext miner;
    private static int management;

    @BeforeAll
    static void startMiner() throws IOException {
        management = freePort();
        miner = new SpringApplicationBuilder(MinerApplication.class, BesideNode.class)
                .properties("spring.config.name=" + MinerApplication.CONFIG_NAME)
                .run("--server.port=0", "--management.server.port=" + management, "--numi.miner.enabled=false",
                        "--numi.network=regtest", "--numi.miner.payout-address=" + AddressFormat.encode(TestKeys.address(0), AddressHrp.REGTEST),
                        "--numi.upstream.node=http://127.0.0.1:1", "--numi.upstream.mempool=http://127.0.0.1:1",
                        "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");
    }

    @AfterAll
    static void stopMiner() {
        if (miner != null) {
            miner.close();
        }
    }

    @Test
    void aLiveServicePasses() throws Exception {
        assertThat(run(String.valueOf(management), "/actuator/health/liveness").exitCode()).isZero();
    }

    @Test
    void aServiceNotReadyFailsAndSaysWhatItAnswered() throws Exception {
        Run run = run(String.valueOf(management));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertThat(run.stderr()).contains("/actuator/health/readiness answered: HTTP/1.").contains("503");
    }

    @Test
    void anUnknownPathFails() throws Exception {
        Run run = run(String.valueOf(management), "/actuator/nothing");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("404");
    }

    @Test
    void aClosedPortFails() throws Exception {
        assertThat(run(String.valueOf(freePort())).exitCode()).isEqualTo(1);
    }

    private record Run(int exitCode, String stderr) {
    }

    private static Run run(String... args) throws Exception {
        Path script = Repository.root().resolve("deploy/docker/numi-healthcheck");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString());
        builder.command().addAll(List.of(args));
        Process process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("numi-healthcheck did not finish within 30 s");
        }
        return new Run(process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.numicoin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Environment variables are matched to settings as Spring Boot binds them. */
class ServiceModuleTest {

    private final ServiceModule node = ServiceModule.load(Repository.root(), "node-service").orElseThrow();
    private final ServiceModule miner = ServiceModule.load(Repository.root(), "miner-service").orElseThrow();

    @Test
    void variablesBindToTheSettingsOfTheCode() {
        assertThat(node.settingFor("NUMI_P2P_LISTEN")).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("numi.p2p.listen"));
        // dashes dropped, as Spring Boot writes them
        assertThat(node.settingFor("NUMI_P2P_MEMPOOLRELAY_ENABLED")).hasValueSatisfying(p -> assertThat(p.name())
                .isEqualTo("numi.p2p.mempool-relay.enabled"));
        // not in the yml: only in a @ConfigurationProperties record
        assertThat(node.settingFor("NUMI_P2P_DISCOVERY_MDNS")).hasValueSatisfying(p -> assertThat(p.source())
                .isEqualTo("DiscoveryProperties"));
        // dashes as underscores (Spring Boot's legacy form) bind too
        assertThat(miner.settingFor("NUMI_MINER_PAYOUT_ADDRESS")).hasValueSatisfying(p -> assertThat(p.name())
                .isEqualTo("numi.miner.payout-address"));
        assertThat(node.settingFor("SERVER_SHUTDOWN")).hasValueSatisfying(p -> assertThat(p.source()).startsWith("Spring Boot"));
        assertThat(node.settingFor("SPRING_KAFKA_CONSUMER_PROPERTIES_MAX_POLL_RECORDS")).hasValueSatisfying(p -> assertThat(p.name())
                .isEqualTo("spring.kafka.consumer.properties"));
    }

    @Test
    void misspeltOrForeignVariablesBindToNothing() {
        assertThat(node.settingFor("NUMI_P2P_LISTN")).isEmpty();
        assertThat(node.settingFor("NUMI_MINER_THREADS")).isEmpty();
        assertThat(miner.settingFor("NUMI_P2P_BOOTSTRAP")).isEmpty();
        assertThat(node.settingFor("NUMI_P2P")).isEmpty();
    }

    @Test
    void theEnvironmentOverridesTheYmlDefaults() {
        assertThat(node.effective("server.port", Map.of())).contains("8082");
        assertThat(node.effective("server.port", Map.of("SERVER_PORT", "18082"))).contains("18082");
        assertThat(node.effective("numi.p2p.listen", Map.of())).contains("/ip4/0.0.0.0/tcp/8333");
        assertThat(miner.effective("numi.miner.payout-address", Map.of())).contains("");
        assertThat(miner.effective("numi.miner.payout-address", Map.of("NUMI_MINER_PAYOUT_ADDRESS", "rnumi1x"))).contains("rnumi1x");
        assertThat(node.runnableJar()).isTrue();
        assertThat(ServiceModule.load(Repository.root(), "protocol").orElseThrow().runnableJar()).isFalse();
        assertThat(ServiceModule.load(Repository.root(), "../etc")).isEmpty();
    }
}

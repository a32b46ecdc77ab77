package io.numicoin.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.testkit.TestKeys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The root docker-compose.yml: valid for docker-compose, and consistent with the code it runs
 * (every service, setting, port, database and dependency it names exists). No Docker engine needed.
 */
class ComposeFileTest {

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Optional<DockerCompose> compose = DockerCompose.find();
        assumeTrue(compose.isPresent(), "docker-compose is not installed (Debian package docker-compose, /usr/bin/docker-compose): "
                + "the Compose schema check is skipped here; CI runs it");
        DockerCompose.Result result = compose.get().validate(Repository.composeFile());
        assertThat(result.exitCode()).as("%s -f docker-compose.yml config -q said:%n%s%s", compose.get(), result.stderr(), result.stdout())
                .isZero();
    }

    @Test
    void everythingTheFileNamesExistsInTheCode() {
        assertThat(ComposeChecks.problems(Repository.root(), ComposeFile.read(Repository.composeFile())))
                .as("problems of docker-compose.yml").isEmpty();
    }

    @Test
    void itRunsTheTestnetOfTheDevnet() {
        Deployment deployment = new Deployment(Repository.root(), ComposeFile.read(Repository.composeFile()));
        Map<String, ComposeService> services = deployment.services();
        assertThat(services).containsOnlyKeys("postgres", "kafka", "redis", "node1", "node2", "node3", "mempool", "miner",
                "gateway", "pool", "seed", "explorer", "prometheus", "grafana", "wallet");
        assertThat(services.get("prometheus").body().get("profiles")).as("Prometheus runs only in the monitoring profile")
                .isEqualTo(List.of("monitoring"));
        assertThat(services.get("grafana").body().get("profiles")).as("Grafana runs only in the monitoring profile")
                .isEqualTo(List.of("monitoring"));
        assertThat(services.get("wallet").body().get("profiles")).as("the wallet is a tool: docker compose run --rm wallet ...")
                .isEqualTo(List.of("tools"));
        assertThat(deployment.servicesOf("devnet")).extracting(ComposeService::name).containsExactly("wallet");
        assertThat(services.get("wallet").environment()).containsEntry("NUMI_WALLET_NODE", "http://gateway:8080")
                .containsEntry("NUMI_WALLET_DIR", "/var/lib/numi/wallets");
        assertThat(services.get("wallet").volumes()).extracting(ComposeService.Mount::source, ComposeService.Mount::target)
                .containsExactly(tuple("wallet-data", "/var/lib/numi"));
        assertThat(services.get("redis").image()).hasValueSatisfying(i -> assertThat(i).startsWith("redis:"));
        assertThat(services.get("postgres").image()).hasValueSatisfying(i -> assertThat(i).startsWith("postgres:"));
        assertThat(services.get("kafka").image()).hasValueSatisfying(i -> assertThat(i).startsWith("apache/kafka:"));
        assertThat(deployment.servicesOf("node-service")).extracting(ComposeService::name).containsExactly("node1", "node2", "node3");
        assertThat(deployment.setting("node1", "numi.events.publish")).contains("true");
        assertThat(deployment.setting("node2", "numi.p2p.bootstrap")).contains("/dns4/node1/tcp/8333");
        assertThat(deployment.listeningPorts("node1")).containsExactlyInAnyOrder(8082, 8333);
        assertThat(deployment.listeningPorts("seed")).containsExactlyInAnyOrder(8091, 8053);
        assertThat(deployment.setting("seed", "numi.seed.dns.zone")).contains("seed.regtest.numi.test");
        assertThat(deployment.setting("miner", "numi.upstream.mempool")).contains("http://mempool:8083");
        assertThat(deployment.setting("explorer", "numi.node.base-url")).contains("http://node1:8082");
        assertThat(deployment.setting("explorer", "spring.datasource.url")).contains("jdbc:postgresql://postgres:5432/numi_explorer");
        assertThat(deployment.listeningPorts("explorer")).containsExactly(8090);
    }

    @Test
    void theMinerPaysTestkitKeyZeroUnlessTold() {
        Deployment deployment = new Deployment(Repository.root(), ComposeFile.read(Repository.composeFile()));
        assertThat(deployment.setting("miner", "numi.miner.payout-address"))
                .contains(AddressFormat.encode(TestKeys.address(0), AddressHrp.REGTEST));
    }
}

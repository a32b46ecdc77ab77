package io.numicoin.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks fail, naming the service and the fault, on copies of the real compose file (written to
 * a temporary directory) with one thing broken each; and docker-compose refuses a copy that breaks
 * the Compose schema, with its message in the failure.
 */
class BrokenComposeFileTest {

    @TempDir
    Path temp;

    static Stream<Arguments> faults() {
        return Stream.of(
                fault("an environment variable no code reads", c -> env(c, "node1").put("NUMI_P2P_LISTN", "/ip4/0.0.0.0/tcp/8333"),
                        "node1: NUMI_P2P_LISTN is no setting of node-service"),
                fault("a Spring setting that does not exist", c -> env(c, "mempool").put("SPRING_DATASOURCE_URI", "x"),
                        "mempool: SPRING_DATASOURCE_URI is no setting of mempool-service"),
                fault("a healthcheck on the wrong port", c -> healthcheck(c, "mempool").set(2, "9082"),
                        "mempool: the healthcheck asks port 9082, but management.server.port is 9083"),
                fault("a healthcheck with curl", c -> service(c, "miner").put("healthcheck", new LinkedHashMap<>(Map.of("test",
                        new ArrayList<>(List.of("CMD", "curl", "-f", "http://127.0.0.1:9084/actuator/health"))))),
                        "miner: the healthcheck must run [\"CMD\", \"numi-healthcheck\", \"<management port>\"]"),
                fault("a healthcheck port changed without the management port", c -> env(c, "node3").put("MANAGEMENT_SERVER_PORT", "9182"),
                        "node3: the healthcheck asks port 9082, but management.server.port is 9182"),
                fault("a published port nothing listens on", c -> ports(c, "miner").set(0, "127.0.0.1:8084:8085"),
                        "miner: publishes container port 8085 (127.0.0.1:8084:8085), but miner-service listens on [8084]"),
                fault("the management port published", c -> ports(c, "node2").add("9082"),
                        "node2: publishes container port 9082"),
                fault("depends_on without a condition", c -> service(c, "node2").put("depends_on", new ArrayList<>(List.of("postgres", "kafka", "node1"))),
                        "node2: depends_on postgres without condition: service_healthy (found no condition)"),
                fault("depends_on service_started", c -> Yamls.map(Yamls.map(service(c, "miner").get("depends_on")).get("mempool"))
                        .put("condition", "service_started"),
                        "miner: depends_on mempool without condition: service_healthy (found service_started)"),
                fault("an official image without a version", c -> service(c, "kafka").put("image", "apache/kafka:latest"),
                        "kafka: image apache/kafka:latest has no pinned version tag"),
                fault("no healthcheck", c -> service(c, "kafka").remove("healthcheck"), "kafka: no healthcheck"),
                fault("no memory limit", c -> service(c, "postgres").remove("mem_limit"), "postgres: no memory limit"),
                fault("a SERVICE that is no module", c -> buildArgs(c, "mempool").put("SERVICE", "wallet-service"),
                        "mempool: SERVICE wallet-service names no module of the repository"),
                fault("a SERVICE without a runnable jar", c -> buildArgs(c, "mempool").put("SERVICE", "protocol"),
                        "mempool: module protocol builds no runnable jar"),
                fault("another Dockerfile", c -> Yamls.map(service(c, "miner").get("build")).put("dockerfile", "miner-service/Dockerfile"),
                        "miner: builds with miner-service/Dockerfile, not the root Dockerfile"),
                fault("another build context", c -> Yamls.map(service(c, "miner").get("build")).put("context", "miner-service"),
                        "miner: build context miner-service is not the repository root"),
                fault("two nodes publishing", c -> env(c, "node2").put("NUMI_EVENTS_PUBLISH", "true"),
                        "exactly one node-service must publish its outbox to Kafka (numi.events.publish); found [node1, node2]"),
                fault("no node publishing", c -> env(c, "node1").put("NUMI_EVENTS_PUBLISH", "false"),
                        "exactly one node-service must publish its outbox to Kafka (numi.events.publish); found none"),
                fault("a second publisher by the yml default", c -> env(c, "node3").remove("NUMI_EVENTS_PUBLISH"),
                        "found [node1, node3]"),
                fault("a database the init script does not create",
                        c -> env(c, "node3").put("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/numi_node4"),
                        "node3: uses database numi_node4, which no init script of postgres creates"),
                fault("a database shared by two services",
                        c -> env(c, "mempool").put("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/numi_node1"),
                        "mempool: database numi_node1 is used by node1 and mempool"),
                fault("a URL on a port the target does not listen on", c -> env(c, "mempool").put("NUMI_NODE_BASE_URL", "http://node1:9082"),
                        "mempool: numi.node.base-url=http://node1:9082: node1 does not listen on 9082 (it listens on [8082, 8333])"),
                fault("a host that is no service", c -> env(c, "miner").put("NUMI_UPSTREAM_NODE", "http://node9:8082"),
                        "miner: numi.upstream.node=http://node9:8082 names host node9, which is no service of the compose file"),
                fault("a service named but not waited for", c -> Yamls.map(service(c, "miner").get("depends_on")).remove("mempool"),
                        "miner: numi.upstream.mempool=http://mempool:8083 names mempool but does not depend on it"),
                fault("a default address left pointing at the container itself", c -> env(c, "miner").remove("SPRING_KAFKA_BOOTSTRAP_SERVERS"),
                        "miner: spring.kafka.bootstrap-servers=127.0.0.1:9092 points at the container itself (set SPRING_KAFKA_BOOTSTRAPSERVERS)"),
                fault("Kafka on a port it does not expose", c -> env(c, "node1").put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:29092"),
                        "node1: spring.kafka.bootstrap-servers=kafka:29092: kafka does not listen on 29092 (it listens on [9092])"),
                fault("a node key not in a volume", c -> service(c, "node2").remove("volumes"),
                        "node2: numi.p2p.data-dir /var/lib/numi is not a named volume"),
                fault("a node on loopback", c -> env(c, "node3").put("NUMI_P2P_LISTEN", "/ip4/127.0.0.1/tcp/8333"),
                        "node3: numi.p2p.listen=/ip4/127.0.0.1/tcp/8333 listens on loopback"),
                fault("a node joined to nobody", c -> env(c, "node3").remove("NUMI_P2P_BOOTSTRAP"),
                        "node3: no bootstrap address joins it to node1's network"),
                fault("a bootstrap address on the wrong port", c -> env(c, "node2").put("NUMI_P2P_BOOTSTRAP", "/dns4/node1/tcp/8334"),
                        "node2: numi.p2p.bootstrap=/dns4/node1/tcp/8334: node1 does not listen on 8334"),
                fault("a payout address of another network", c -> env(c, "miner").put("NUMI_NETWORK", "testnet"),
                        "miner: numi.miner.payout-address 'rnumi1"),
                fault("a volume nobody declared", c -> Yamls.map(c.get("volumes")).remove("kafka-data"),
                        "kafka: mounts volume kafka-data, which the top-level volumes do not declare"),
                fault("a variable the wallet does not read", c -> env(c, "wallet").put("NUMI_WALLET_NODES", "http://gateway:8080"),
                        "wallet: NUMI_WALLET_NODES is no variable the wallet reads"),
                fault("the wallet on its own container", c -> env(c, "wallet").put("NUMI_WALLET_NODE", "http://127.0.0.1:8080"),
                        "wallet: NUMI_WALLET_NODE=http://127.0.0.1:8080 points at the container itself"),
                fault("the wallet on a port the gateway does not listen on", c -> env(c, "wallet").put("NUMI_WALLET_NODE", "http://gateway:9080"),
                        "wallet: NUMI_WALLET_NODE=http://gateway:9080: gateway does not listen on 9080"),
                fault("the wallet without a node", c -> env(c, "wallet").remove("NUMI_WALLET_NODE"),
                        "wallet: no NUMI_WALLET_NODE"),
                fault("the wallet's keys outside its volume", c -> env(c, "wallet").put("NUMI_WALLET_DIR", "/tmp/wallets"),
                        "wallet: NUMI_WALLET_DIR /tmp/wallets is not inside a named volume"),
                fault("the wallet's keys in no volume", c -> service(c, "wallet").remove("volumes"),
                        "wallet: NUMI_WALLET_DIR /var/lib/numi/wallets is not inside a named volume"),
                fault("the wallet running another command", c -> service(c, "wallet").put("entrypoint",
                        new ArrayList<>(List.of("java", "-jar", "application.jar", "devnet"))),
                        "wallet: the entrypoint must run the launcher's wallet command"),
                fault("the wallet built from a service", c -> buildArgs(c, "wallet").put("SERVICE", "gateway"),
                        "wallet: a tool is built from module devnet"),
                fault("the wallet publishing a port", c -> service(c, "wallet").put("ports", new ArrayList<>(List.of("127.0.0.1:8099:8080"))),
                        "wallet: a tool publishes no port"),
                fault("the wallet restarted", c -> service(c, "wallet").put("restart", "unless-stopped"),
                        "wallet: a tool has no restart policy"),
                fault("the wallet started by up", c -> service(c, "wallet").remove("profiles"),
                        "wallet: no healthcheck"),
                fault("an init script that does not exist",
                        c -> setVolume(c, "postgres", 1, "./deploy/docker/missing.sql:/docker-entrypoint-initdb.d/10.sql:ro"),
                        "postgres: mounts ./deploy/docker/missing.sql, which does not exist in the repository"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void eachFaultIsNamed(String fault, Consumer<Map<String, Object>> breakIt, String expected) throws IOException {
        ComposeFile copy = ComposeFile.read(Repository.composeFile());
        breakIt.accept(copy.root());
        Path broken = temp.resolve("docker-compose.yml");
        copy.write(broken);

        List<String> problems = ComposeChecks.problems(Repository.root(), ComposeFile.read(broken));

        assertThat(problems).as("problems of the copy with %s", fault).anySatisfy(p -> assertThat(p).contains(expected));
    }

    @Test
    void aDockerfileMissingItsPartsIsNamed() throws IOException {
        String dockerfile = Files.readString(Repository.root().resolve("Dockerfile"));
        Path broken = temp.resolve("Dockerfile");
        Files.writeString(broken, dockerfile.replace("ARG SERVICE\n", "").replaceAll("(?m)^USER numi$", "")
                .replace("COPY --chmod=755 deploy/docker/numi-healthcheck", "COPY --chmod=755 deploy/docker/healthcheck.sh"));

        List<String> problems = ComposeChecks.problems(Repository.root(), ComposeFile.read(Repository.composeFile()), broken);

        assertThat(problems).contains(
                "Dockerfile: no ARG SERVICE (the module to build)",
                "Dockerfile: the image runs as root (add a USER)",
                "Dockerfile: copies deploy/docker/healthcheck.sh, which does not exist in the repository",
                "Dockerfile: does not install the executable numi-healthcheck the compose healthchecks run");
    }

    @Test
    void dockerComposeRefusesASchemaErrorAndSaysWhy() throws Exception {
        Optional<DockerCompose> compose = DockerCompose.find();
        assumeTrue(compose.isPresent(), "docker-compose is not installed (Debian package docker-compose): skipped here; CI runs it");
        Path broken = temp.resolve("docker-compose.yml");
        Files.writeString(broken, Files.readString(Repository.composeFile()).replace("condition: service_healthy", "condition: service_happy"));

        DockerCompose.Result result = compose.get().validate(broken);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("depends_on").contains("service_happy");
    }

    private static Arguments fault(String name, Consumer<Map<String, Object>> breakIt, String expected) {
        return Arguments.of(name, breakIt, expected);
    }

    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return Yamls.map(Yamls.map(compose.get("services")).get(name));
    }

    private static Map<String, Object> env(Map<String, Object> compose, String name) {
        return Yamls.map(service(compose, name).get("environment"));
    }

    private static Map<String, Object> buildArgs(Map<String, Object> compose, String name) {
        return Yamls.map(Yamls.map(service(compose, name).get("build")).get("args"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> healthcheck(Map<String, Object> compose, String name) {
        return (List<Object>) Yamls.map(service(compose, name).get("healthcheck")).get("test");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ports(Map<String, Object> compose, String name) {
        return (List<Object>) service(compose, name).get("ports");
    }

    @SuppressWarnings("unchecked")
    private static void setVolume(Map<String, Object> compose, String name, int index, String volume) {
        ((List<Object>) service(compose, name).get("volumes")).set(index, volume);
    }
}

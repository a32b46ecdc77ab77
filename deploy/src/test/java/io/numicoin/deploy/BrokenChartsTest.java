package io.numicoin.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart checks fail, naming the object and the fault, on a region rendered with one thing broken:
 * through values an operator could set, or by editing the rendered objects where no value can break
 * the chart that way (a second event source, a missing probe).
 */
class BrokenChartsTest {

    private static final Path REGION = Repository.root().resolve("helm/regions/eu-west.yaml");

    @TempDir
    Path temp;

    static Stream<Arguments> brokenValues() {
        return Stream.of(
                Arguments.of("the mempool's API public", Map.of("mempool.networkPolicy.ingress", List.of(Map.of("port", "http", "public", true))),
                        "NetworkPolicy r-mempool: r-mempool port http is open to anyone"),
                Arguments.of("the nodes' API open to any address", Map.of("node.networkPolicy.ingress", List.of(Map.of("port", "p2p", "public", true),
                        Map.of("port", "http", "cidrs", List.of("0.0.0.0/0")))), "r-node-source port http is open to anyone"),
                Arguments.of("no NetworkPolicies", Map.of("global.networkPolicy.enabled", false),
                        "no NetworkPolicy denies ingress to every pod of release r by default"),
                Arguments.of("a node identity Secret nobody makes", Map.of("node.identitySecret", "numi-node-keys"),
                        "Secret numi-node-keys is neither rendered nor one of secrets.external"),
                Arguments.of("a misspelt setting", Map.of("mempool.extraEnv.NUMI_POOL_MAX_BYTEZ", "1"),
                        "r-mempool/mempool: NUMI_POOL_MAX_BYTEZ is no setting of mempool-service"),
                Arguments.of("the management port moved under the probes", Map.of("explorer.extraEnv.MANAGEMENT_SERVER_PORT", "9999"),
                        "r-explorer/explorer: container port management is 9090, but the service listens on 9999"),
                Arguments.of("management on loopback again", Map.of("explorer.extraEnv.MANAGEMENT_SERVER_ADDRESS", "127.0.0.1"),
                        "r-explorer/explorer: management.server.address is 127.0.0.1"),
                Arguments.of("a JVM option without its dash", Map.of("node.jvmOptions", "-XX:+UseZGC XX:MaxRAMPercentage=60"),
                        "r-node/node: JAVA_TOOL_OPTIONS holds 'XX:MaxRAMPercentage=60', which is no JVM option"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenValues")
    void aBrokenValueIsNamed(String fault, Map<String, Object> values, String problem) throws IOException {
        assertThat(problems(RegionRender.render(REGION, List.of(overlay(values)), Map.of()))).anySatisfy(p -> assertThat(p).contains(problem));
    }

    /** A values file setting {@code a.b.c: value} for each entry (lists whole, unlike --set's indices). */
    private Path overlay(Map<String, Object> values) throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            Map<String, Object> node = tree;
            String[] parts = key.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                node = Yamls.map(node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>()));
            }
            node.put(parts[parts.length - 1], value);
        });
        Path file = temp.resolve("broken-" + Integer.toHexString(values.hashCode()) + ".yaml");
        Files.writeString(file, new Yaml().dump(tree));
        return file;
    }

    static Stream<Arguments> brokenObjects() {
        return Stream.of(
                Arguments.of("the peers publish too", (Consumer<Manifests>) m -> workload(m, "r-node").containers().getFirst().getEnv().stream()
                        .filter(e -> e.getName().equals("NUMI_EVENTS_PUBLISH")).forEach(e -> e.setValue("true")),
                        "3 event-source nodes (NUMI_EVENTS_PUBLISH=true) in the region; exactly one must publish"),
                Arguments.of("no node says whether it publishes", (Consumer<Manifests>) m -> workload(m, "r-node-source").containers().getFirst()
                        .getEnv().removeIf(e -> e.getName().equals("NUMI_EVENTS_PUBLISH")), "r-node-source: NUMI_EVENTS_PUBLISH is not set"),
                Arguments.of("no readiness probe", (Consumer<Manifests>) m -> workload(m, "r-gateway").containers().getFirst().setReadinessProbe(null),
                        "r-gateway/gateway: no readiness probe"),
                Arguments.of("no memory limit", (Consumer<Manifests>) m -> workload(m, "r-seed").containers().getFirst().getResources().getLimits()
                        .remove("memory"), "r-seed/seed: no memory limit"),
                Arguments.of("root allowed", (Consumer<Manifests>) m -> {
                    workload(m, "r-mempool").template().getSpec().getSecurityContext().setRunAsNonRoot(false);
                    workload(m, "r-mempool").containers().getFirst().getSecurityContext().setRunAsNonRoot(null);
                }, "r-mempool/mempool: runAsNonRoot is not set"),
                Arguments.of("a Service port to no container port", (Consumer<Manifests>) m -> m.services().stream()
                        .filter(s -> s.getMetadata().getName().equals("r-explorer")).findFirst().orElseThrow().getSpec().getPorts().getFirst()
                        .setTargetPort(new IntOrString("htp")), "Service r-explorer: port http targets htp/TCP, which no container of r-explorer declares"),
                Arguments.of("a Secret key that is not there", (Consumer<Manifests>) m -> {
                    EnvVar password = workload(m, "r-mempool").containers().getFirst().getEnv().stream()
                            .filter(e -> e.getName().equals("SPRING_DATASOURCE_PASSWORD")).findFirst().orElseThrow();
                    password.getValueFrom().getSecretKeyRef().setKey("pasword");
                }, "Secret numi-db-mempool has no key pasword"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenObjects")
    void aBrokenObjectIsNamed(String fault, Consumer<Manifests> breakIt, String problem) {
        Manifests manifests = RegionRender.render(REGION, Map.of());
        assertThat(problems(manifests)).isEmpty();
        breakIt.accept(manifests);
        assertThat(problems(manifests)).anySatisfy(p -> assertThat(p).contains(problem));
    }

    @Test
    void aSmallInstallMissingADatabaseOrAKafkaUserIsNamed() throws IOException {
        Path testnet = Repository.root().resolve("helm/regions/testnet-eu.yaml");
        assertThat(problems(RegionRender.render(testnet, Map.of()))).isEmpty();
        Path twoPeers = overlay(Map.of("node.peers", 2));
        assertThat(problems(RegionRender.render(testnet, List.of(twoPeers), Map.of())))
                .contains("r-node: database r-node-1 is not created by the small PostgreSQL (numi-postgres.roles)");
        Path noMinerUser = overlay(Map.of("numi-kafka.userSecrets", List.of("numi-kafka-node", "numi-kafka-mempool", "numi-kafka-explorer",
                "numi-kafka-seed", "numi-kafka-pool")));
        assertThat(problems(RegionRender.render(testnet, List.of(noMinerUser), Map.of())))
                .contains("r-miner: Kafka user of numi-kafka-miner is not one of the small broker's (numi-kafka.userSecrets)");
    }

    @Test
    void aComponentWithoutLimitsDoesNotRender() {
        assertThatThrownBy(() -> RegionRender.render(REGION, Map.of("mempool.resources.limits", "null")))
                .hasMessageContaining("mempool: resources need requests and limits for cpu and memory");
    }

    private static List<String> problems(Manifests manifests) {
        return ManifestChecks.check(Repository.root(), manifests, HelmCharts.RELEASE, RegionRender.externalSecrets()).problems();
    }

    private static Manifests.Workload workload(Manifests manifests, String name) {
        return manifests.workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }
}

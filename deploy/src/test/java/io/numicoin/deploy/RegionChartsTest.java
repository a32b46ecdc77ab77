package io.numicoin.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every region of helm/regions/ rendered with Helm (helm-java, no cluster) and read into typed
 * Kubernetes objects: what ManifestChecks requires holds, and the region has the shape a bootstrap
 * region needs.
 */
class RegionChartsTest {

    static Stream<Path> regions() {
        return HelmCharts.regions().stream();
    }

    @Test
    void threeToFiveRegions() {
        assertThat(HelmCharts.regions()).hasSizeBetween(3, 5);
    }

    @Test
    void helmLintPasses() {
        LintResult result = HelmCharts.repository().lint();
        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regions")
    void theRenderedRegionPassesEveryCheck(Path region) {
        Manifests manifests = RegionRender.render(region, Map.of());
        ManifestChecks.Report report = ManifestChecks.check(Repository.root(), manifests, HelmCharts.RELEASE, RegionRender.externalSecrets());
        assertThat(report.problems()).as("problems of %s", region.getFileName()).isEmpty();
        assertThat(report.uncheckedModules()).as("modules whose settings went unchecked (not on deploy's test classpath)").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regions")
    void nodesAreStatefulSetsWithVolumesAndOneEventSource(Path region) {
        Manifests manifests = RegionRender.render(region, Map.of());
        List<StatefulSet> nodes = manifests.statefulSets().stream()
                .filter(s -> "node".equals(s.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/name"))).toList();
        assertThat(nodes).extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrder("r-node-source", "r-node");
        assertThat(nodes).allSatisfy(s -> assertThat(s.getSpec().getVolumeClaimTemplates())
                .extracting(c -> c.getMetadata().getName()).containsExactly("data"));
        StatefulSet source = nodes.stream().filter(s -> s.getMetadata().getName().equals("r-node-source")).findFirst().orElseThrow();
        assertThat(source.getSpec().getReplicas()).isEqualTo(1);
        StatefulSet peers = nodes.stream().filter(s -> s.getMetadata().getName().equals("r-node")).findFirst().orElseThrow();
        assertThat(nodes).as("every node on generational ZGC (docs/decisions.md)")
                .allSatisfy(s -> assertThat(env(s, "JAVA_TOOL_OPTIONS")).isEqualTo("-XX:+UseZGC"));
        String bootstrap = env(peers, "NUMI_P2P_BOOTSTRAP");
        assertThat(bootstrap).as("the peers bootstrap from the event source")
                .startsWith("/dns4/r-node-source-0.r-node-hl." + HelmCharts.NAMESPACE + ".svc.cluster.local/tcp/8333");
        List<Object> others = Yamls.list(Yamls.map(values(region).get("global")).get("bootstrap"));
        for (Object other : others) {
            assertThat(bootstrap).as("and from the other regions").contains(String.valueOf(other));
            assertThat(env(source, "NUMI_P2P_BOOTSTRAP")).contains(String.valueOf(other));
        }
        String name = values(region).get("global") instanceof Map<?, ?> g ? String.valueOf(g.get("region")) : "";
        assertThat(others).as("no region bootstraps from itself").noneMatch(o -> String.valueOf(o).contains("." + name + "."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regions")
    void theMonitoringObjectsNeedTheOperatorsCrds(Path region) throws Exception {
        Manifests without = RegionRender.render(region, Map.of());
        assertThat(without.generic("ServiceMonitor")).isEmpty();
        assertThat(without.generic("PrometheusRule")).isEmpty();

        Manifests with = RegionRender.render(region, Map.of("global.monitoring.assumeCrds", "true"));
        List<GenericKubernetesResource> monitors = with.generic("ServiceMonitor");
        assertThat(monitors).hasSize(with.workloads().stream().map(Manifests.Workload::component)
                .filter(ChartSettingRules.MODULES::containsKey).distinct().toList().size());
        for (GenericKubernetesResource monitor : monitors) {
            @SuppressWarnings("unchecked")
            Map<String, String> selector = (Map<String, String>) ((Map<String, Object>) ((Map<String, Object>) monitor.getAdditionalProperties()
                    .get("spec")).get("selector")).get("matchLabels");
            List<Service> scraped = with.services().stream().filter(s -> Manifests.selects(selector, s.getMetadata().getLabels())
                    && s.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals("management"))).toList();
            assertThat(scraped).as("a Service with a management port for %s", monitor.getMetadata().getName()).isNotEmpty();
        }
        List<GenericKubernetesResource> rules = with.generic("PrometheusRule");
        assertThat(rules).hasSize(1);
        Map<String, Object> file = Yamls.map(new Yaml().load(Files.readString(Repository.root().resolve("monitoring/rules/numi.rules.yml"))));
        assertThat(((Map<?, ?>) rules.getFirst().getAdditionalProperties().get("spec")).get("groups")).isEqualTo(file.get("groups"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regions")
    void aMinerPaysAnAddressOfItsRegionsNetwork(Path region) throws Exception {
        Manifests manifests = RegionRender.render(region, Map.of());
        String network = String.valueOf(Yamls.map(values(region).get("global")).get("network"));
        AddressHrp hrp = switch (network) {
            case "mainnet" -> AddressHrp.MAINNET;
            case "testnet" -> AddressHrp.TESTNET;
            default -> AddressHrp.REGTEST;
        };
        for (Manifests.Workload miner : manifests.workloads().stream().filter(w -> w.component().equals("miner")).toList()) {
            String payout = miner.containers().getFirst().getEnv().stream().filter(e -> e.getName().equals("NUMI_MINER_PAYOUT_ADDRESS"))
                    .findFirst().orElseThrow().getValue();
            assertThat(AddressFormat.decode(payout, hrp)).isNotNull();
        }
    }

    @Test
    void aSmallInstallWithoutItsCredentialsFileIsRefused() {
        Path testnet = Repository.root().resolve("helm/regions/testnet-eu.yaml");
        assertThatThrownBy(() -> HelmCharts.repository().template(List.of(testnet), Map.of()))
                .hasMessageContaining("missing or shorter than 16 characters");
        assertThatThrownBy(() -> HelmCharts.repository().template(List.of(testnet, RegionRender.generatedSecrets()),
                Map.of("secrets.values.numi-db-node.password", "short")))
                .hasMessageContaining("secrets.values.numi-db-node.password: missing or shorter than 16 characters");
    }

    private static Map<String, Object> values(Path region) {
        try {
            return Yamls.map(new Yaml().load(Files.readString(region)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String env(StatefulSet set, String name) {
        return set.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(e -> e.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not set")).getValue();
    }
}

package io.numicoin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * monitoring/: the alert rules pass promtool's check and their unit tests, every dashboard query
 * parses (promtool, on a rules file of the queries), and rules and dashboards name only metrics of
 * monitoring/metrics.yml, whose entries the services' code registers.
 */
class MonitoringTest {

    private static final Path MONITORING = Repository.root().resolve("monitoring");

    @TempDir
    Path temp;

    @Test
    void theAlertRulesPassPromtoolsCheck() {
        Promtool.Result result = Promtool.require().run(MONITORING, "check", "rules", "rules/numi.rules.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void theAlertRulesPassTheirUnitTests() {
        Promtool.Result result = Promtool.require().run(MONITORING.resolve("tests"), "test", "rules", "numi.rules.test.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertTheIssueAsksForHasAUnitTest() throws IOException {
        Set<String> alerts = new TreeSet<>(rules().keySet());
        assertThat(alerts).contains("NumiNodeBehindTip", "NumiNoBlock", "NumiDeepReorg", "NumiPeersBelowMinimum", "NumiOutboxLag",
                "NumiConsumerLag", "NumiExplorerLag", "NumiRateLimitSpike", "NumiPoolHashRateDrop", "NumiSeedAnswersNoPeers");
        String tests = Files.readString(MONITORING.resolve("tests/numi.rules.test.yml"));
        assertThat(alerts).allSatisfy(alert -> assertThat(tests).as("a test of %s", alert).contains("alertname: " + alert + "\n"));
    }

    @Test
    void theDashboardsAreThere() {
        assertThat(dashboards().keySet()).containsExactlyInAnyOrder("chain", "p2p", "mempool", "miner-pool", "gateway", "explorer");
    }

    @Test
    void everyDashboardQueryParses() throws IOException {
        Map<String, String> queries = dashboardQueries();
        assertThat(queries).hasSizeGreaterThan(30);
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        int n = 0;
        for (String expr : queries.values()) {
            rules.append("      - record: dashboard:query").append(n++).append("\n        expr: '")
                    .append(PromQl.fromGrafana(expr).replace("'", "''")).append("'\n");
        }
        Path file = temp.resolve("dashboards.rules.yml");
        Files.writeString(file, rules);
        Promtool.Result result = Promtool.require().run(temp, "check", "rules", file.getFileName().toString());
        assertThat(result.exitCode()).as("promtool check rules on the dashboards' queries:%n%s", result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    @Test
    void rulesAndDashboardsNameOnlyCataloguedMetrics() throws IOException {
        Set<String> known = MetricCatalogue.load().prometheusNames();
        Map<String, String> queries = new LinkedHashMap<>(dashboardQueries());
        rules().forEach((alert, expr) -> queries.put("rule " + alert, expr));
        List<String> unknown = new ArrayList<>();
        queries.forEach((where, expr) -> PromQl.metricNames(expr).stream().filter(name -> !known.contains(name))
                .forEach(name -> unknown.add(where + ": " + name)));
        assertThat(unknown).as("metrics not in monitoring/metrics.yml").isEmpty();
    }

    @Test
    void aQueryWithATypoOrAnUnknownMetricIsCaught() throws IOException {
        Path file = temp.resolve("broken.rules.yml");
        Files.writeString(file, "groups:\n  - name: x\n    rules:\n      - record: x:y\n        expr: 'sum by (region (numi_chain_height)'\n");
        assertThat(Promtool.require().run(temp, "check", "rules", "broken.rules.yml").exitCode()).isNotZero();
        assertThat(PromQl.metricNames("max by (region) (numi_chain_heigth{region=~\".*\"}) - on (region) group_right numi_chain_height > 6"))
                .containsExactly("numi_chain_heigth", "numi_chain_height");
        assertThat(MetricCatalogue.load().prometheusNames()).contains("numi_chain_height").doesNotContain("numi_chain_heigth");
    }

    private static Map<String, String> rules() {
        try {
            Map<String, String> rules = new LinkedHashMap<>();
            Map<String, Object> file = Yamls.map(new Yaml().load(Files.readString(MONITORING.resolve("rules/numi.rules.yml"))));
            for (Object group : Yamls.list(file.get("groups"))) {
                for (Object rule : Yamls.list(Yamls.map(group).get("rules"))) {
                    Map<String, Object> r = Yamls.map(rule);
                    rules.put(Yamls.text(r.getOrDefault("alert", r.get("record"))), Yamls.text(r.get("expr")));
                }
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(MONITORING.resolve("dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.put(file.getFileName().toString().replace(".json", ""), JsonMapper.builder().build().readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dashboards;
    }

    private static Map<String, String> dashboardQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        dashboards().forEach((name, dashboard) -> {
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.put(name + " / " + panel.path("title").asString() + " / " + target.path("refId").asString(), target.path("expr").asString());
                }
            }
        });
        return queries;
    }
}

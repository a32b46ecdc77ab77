package io.numicoin.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The monitoring profile's Prometheus read through its HTTP API, against the repository's files: the
 * scrape targets {@code deploy/docker/prometheus.yml} lists (as {@code job instance}) and the alert
 * and recording rules of {@code monitoring/rules/*.yml} (as {@code group/name}).
 */
final class PrometheusProbe {

    private final Api api;

    PrometheusProbe(Api api) {
        this.api = api;
    }

    /** Every {@code job instance} the scrape configuration lists. */
    @SuppressWarnings("unchecked")
    static Set<String> configuredTargets(Path prometheusYml) {
        Map<String, Object> config = read(prometheusYml);
        Set<String> targets = new TreeSet<>();
        for (Object job : (List<Object>) config.get("scrape_configs")) {
            Map<String, Object> scrape = (Map<String, Object>) job;
            for (Object group : (List<Object>) scrape.get("static_configs")) {
                for (Object target : (List<Object>) ((Map<String, Object>) group).get("targets")) {
                    targets.add(scrape.get("job_name") + " " + target);
                }
            }
        }
        return targets;
    }

    /** Every {@code group/name} of the rule files in {@code rulesDir}. */
    @SuppressWarnings("unchecked")
    static Set<String> repositoryRules(Path rulesDir) {
        Set<String> rules = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(rulesDir, "*.yml")) {
            for (Path file : files) {
                for (Object group : (List<Object>) read(file).get("groups")) {
                    Map<String, Object> g = (Map<String, Object>) group;
                    for (Object rule : (List<Object>) g.get("rules")) {
                        Map<String, Object> r = (Map<String, Object>) rule;
                        rules.add(g.get("name") + "/" + (r.containsKey("alert") ? r.get("alert") : r.get("record")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    /** The {@code job instance} of every series of {@code up} whose value is 1. */
    Set<String> targetsUp() throws IOException, InterruptedException {
        JsonNode answer = api.get("/api/v1/query?query=" + URLEncoder.encode("up == 1", StandardCharsets.UTF_8))
                .orElseThrow(() -> new IOException("no /api/v1/query"));
        Set<String> up = new TreeSet<>();
        for (JsonNode series : answer.path("data").path("result")) {
            up.add(series.path("metric").path("job").asString("") + " " + series.path("metric").path("instance").asString(""));
        }
        return up;
    }

    /** {@code health} of every active target that is not {@code up}, with its last error. */
    List<String> targetsNotUp() throws IOException, InterruptedException {
        JsonNode answer = api.get("/api/v1/targets?state=active").orElseThrow(() -> new IOException("no /api/v1/targets"));
        List<String> down = new ArrayList<>();
        for (JsonNode target : answer.path("data").path("activeTargets")) {
            if (!target.path("health").asString("").equals("up")) {
                down.add(target.path("labels").path("job").asString("") + " " + target.path("health").asString("") + " "
                        + target.path("lastError").asString(""));
            }
        }
        return down;
    }

    /** Every {@code group/name} of the rules Prometheus has loaded. */
    Set<String> loadedRules() throws IOException, InterruptedException {
        JsonNode answer = api.get("/api/v1/rules").orElseThrow(() -> new IOException("no /api/v1/rules"));
        Set<String> rules = new TreeSet<>();
        for (JsonNode group : answer.path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(group.path("name").asString("") + "/" + rule.path("name").asString(""));
            }
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

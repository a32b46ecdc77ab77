package io.numicoin.deploy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * monitoring/metrics.yml: the metrics the services export, by module. A meter's Prometheus names are
 * not guessed: each is registered in a real PrometheusMeterRegistry (the registry the services use)
 * and the names are read back from its scrape.
 */
final class MetricCatalogue {

    /**
     * A catalogued meter; {@code module} is null for the standard ones, {@code prometheus} set for a bare Prometheus name,
     * {@code binder} the class of a library's Micrometer binder that registers it (null when the module registers it itself).
     */
    record Entry(String module, boolean pending, String meter, String type, String baseUnit, boolean histogram, String prometheus,
            String binder) {

        Set<String> prometheusNames() {
            if (prometheus != null) {
                return Set.of(prometheus);
            }
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            switch (type) {
                case "gauge" -> Gauge.builder(meter, () -> 1.0).baseUnit(baseUnit).register(registry);
                case "counter" -> Counter.builder(meter).baseUnit(baseUnit).register(registry).increment();
                case "summary" -> DistributionSummary.builder(meter).baseUnit(baseUnit).register(registry).record(1);
                case "timer" -> Timer.builder(meter).publishPercentileHistogram(histogram).register(registry).record(java.time.Duration.ofMillis(1));
                default -> throw new IllegalArgumentException("monitoring/metrics.yml: " + meter + " has unknown type " + type);
            }
            Set<String> names = new LinkedHashSet<>();
            for (String line : registry.scrape().split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
                    names.add(line.substring(0, end));
                }
            }
            registry.close();
            return names;
        }
    }

    private final List<Entry> entries;

    private MetricCatalogue(List<Entry> entries) {
        this.entries = entries;
    }

    static Path file() {
        return Repository.root().resolve("monitoring/metrics.yml");
    }

    static MetricCatalogue load() {
        try {
            Map<String, Object> yaml = Yamls.map(new Yaml().load(Files.readString(file())));
            List<Entry> entries = new ArrayList<>();
            Yamls.map(yaml.get("modules")).forEach((module, list) -> Yamls.list(list).forEach(e -> entries.add(entry(module, false, e))));
            Yamls.list(yaml.get("standard")).forEach(e -> entries.add(entry(null, false, e)));
            Yamls.map(yaml.get("pending")).forEach((module, list) -> Yamls.list(list).forEach(e -> entries.add(entry(module, true, e))));
            return new MetricCatalogue(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(), e);
        }
    }

    List<Entry> entries() {
        return entries;
    }

    /** Every Prometheus metric name a query may use. */
    Set<String> prometheusNames() {
        Set<String> names = new LinkedHashSet<>();
        entries.forEach(e -> names.addAll(e.prometheusNames()));
        return names;
    }

    private static Entry entry(String module, boolean pending, Object node) {
        Map<String, Object> map = Yamls.map(node);
        return new Entry(module, pending, Yamls.text(map.get("meter")), Yamls.text(map.get("type")), Yamls.text(map.get("baseUnit")),
                Boolean.TRUE.equals(map.get("histogram")), Yamls.text(map.get("prometheus")), Yamls.text(map.get("binder")));
    }
}

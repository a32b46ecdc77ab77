package io.numicoin.devnet.monitoring;

import io.numicoin.devnet.process.ServiceSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * The devnet's prometheus.yml: one job per service ({@code numi-<name>}) scraping
 * {@code /actuator/prometheus} on its management port every 5 s, every series labelled
 * {@code region="devnet"} (as the region chart's ServiceMonitors label theirs), and the repository's
 * alert rules loaded.
 */
public final class PrometheusConfig {

    static final String REGION = "devnet";

    private PrometheusConfig() {
    }

    public static String render(List<ServiceSpec> services, Path rules) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Written by ./numi devnet --monitoring on every start (docs/monitoring.md).\n");
        yaml.append("global:\n  scrape_interval: 5s\n  evaluation_interval: 5s\n");
        yaml.append("rule_files:\n  - ").append(quote(rules.toAbsolutePath().toString())).append('\n');
        yaml.append("scrape_configs:\n");
        for (ServiceSpec service : services) {
            yaml.append("  - job_name: ").append(quote("numi-" + service.name())).append('\n');
            yaml.append("    metrics_path: /actuator/prometheus\n");
            yaml.append("    static_configs:\n");
            yaml.append("      - targets: [").append(quote("127.0.0.1:" + service.readiness().getPort())).append("]\n");
            yaml.append("        labels: {region: ").append(REGION).append(", service: ").append(quote(service.name())).append("}\n");
        }
        return yaml.toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}

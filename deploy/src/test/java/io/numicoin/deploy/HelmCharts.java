package io.numicoin.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's {@code helm/} as Helm sees a packaged chart: copied to a working directory
 * (symbolic links, such as the region chart's alert rules from {@code monitoring/}, become files),
 * each chart's {@code file://} dependencies fetched into its {@code charts/} (the library first, the
 * region chart last), so nothing is written into the repository. Renders the region chart like
 * {@code helm template}, offline.
 */
final class HelmCharts {

    /** The service charts and small-install charts, in the order their dependencies allow. */
    static final List<String> CHARTS = List.of("node", "mempool", "miner", "explorer", "seed", "gateway", "pool", "numi-postgres", "numi-kafka");
    static final String RELEASE = "r";
    static final String NAMESPACE = "numi";

    private static HelmCharts prepared;

    private final Path helm;

    private HelmCharts(Path helm) {
        this.helm = helm;
    }

    /** The charts of the repository, prepared once per JVM. */
    static synchronized HelmCharts repository() {
        if (prepared == null) {
            prepared = prepare(Repository.root().resolve("helm"));
        }
        return prepared;
    }

    /** The charts under {@code source} (a {@code helm/} directory), copied and prepared. */
    static HelmCharts prepare(Path source) {
        try {
            Path work = Files.createTempDirectory("numi-helm-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(work), "numi-helm-cleanup"));
            Path helm = work.resolve("helm");
            copy(source, helm);
            for (String chart : CHARTS) {
                if (Files.readString(helm.resolve(chart).resolve("Chart.yaml")).contains("dependencies:")) {
                    new Helm(helm.resolve(chart)).dependency().update().call();
                }
            }
            new Helm(helm.resolve("region")).dependency().update().call();
            return new HelmCharts(helm);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the charts of " + source, e);
        }
    }

    Path dir() {
        return helm;
    }

    /** {@code helm lint --strict} of the region chart with its subcharts. */
    LintResult lint() {
        return new Helm(helm.resolve("region")).lint().strict().call();
    }

    /** {@code helm template r helm/region -n numi -f <values>... --set <k=v>...}, as YAML. */
    String template(List<Path> valuesFiles, Map<String, String> set) {
        TemplateCommand template = new Helm(helm.resolve("region")).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path values : valuesFiles) {
            template = template.withValuesFile(values);
        }
        for (Map.Entry<String, String> entry : set.entrySet()) {
            template = template.set(entry.getKey(), entry.getValue());
        }
        return template.call();
    }

    /** The region values files under {@code helm/regions/}. */
    static List<Path> regions() {
        try (Stream<Path> files = Files.list(Repository.root().resolve("helm/regions"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list helm/regions", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("cannot delete " + dir + ": " + e.getMessage());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!from.relativize(file).toString().contains("/charts/") && !file.getFileName().toString().equals("Chart.lock")) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

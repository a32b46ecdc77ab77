package io.numicoin.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a region as an operator would: its values file, plus the credentials file
 * {@code helm/generate-secrets} writes (run here, as the operator runs it) when secrets are made by
 * the chart, plus any overrides.
 */
final class RegionRender {

    private static Path secretsFile;
    private static final Map<List<Object>, String> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    private RegionRender() {
    }

    /** Fresh objects (a test may edit them) of a render done once per JVM for the same arguments. */
    static Manifests render(Path region, Map<String, String> set) {
        return render(region, List.of(), set);
    }

    /** With {@code overlays}: further values files, after the region's and the credentials. */
    static Manifests render(Path region, List<Path> overlays, Map<String, String> set) {
        return Manifests.parse(RENDERED.computeIfAbsent(List.of(region, overlays, new java.util.TreeMap<>(set)), key -> {
            List<Path> values = new ArrayList<>(List.of(region, generatedSecrets()));
            values.addAll(overlays);
            return HelmCharts.repository().template(values, set);
        }));
    }

    /** The region chart's {@code secrets.external}: Secrets the operator always makes. */
    static Set<String> externalSecrets() {
        try {
            Map<String, Object> values = Yamls.map(new Yaml().load(Files.readString(Repository.root().resolve("helm/region/values.yaml"))));
            Set<String> names = new LinkedHashSet<>();
            Yamls.list(Yamls.map(values.get("secrets")).get("external")).forEach(n -> names.add(String.valueOf(n)));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code helm/generate-secrets} prints, in a file of this JVM's. */
    static synchronized Path generatedSecrets() {
        if (secretsFile == null) {
            try {
                Path file = Files.createTempFile("numi-secrets-", ".yaml");
                file.toFile().deleteOnExit();
                Process process = new ProcessBuilder("bash", Repository.root().resolve("helm/generate-secrets").toString())
                        .redirectOutput(file.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("helm/generate-secrets failed");
                }
                secretsFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return secretsFile;
    }
}

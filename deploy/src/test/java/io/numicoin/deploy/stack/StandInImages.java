package io.numicoin.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Local stand-ins for the official images the compose file names, built from what this machine has
 * (no image registry is reachable here): a Debian bookworm base (mmdebstrap, podman import), the
 * JDK the build runs on (for the JDK and the JRE image), Debian's PostgreSQL 15, Redis and Prometheus
 * (the monitoring profile's; Grafana has no Debian package, so there is no stand-in for it), and
 * Kafka's broker from the Maven jars the build uses. Recipes in {@code deploy/standins/}.
 *
 * <p>Every image is named {@code localhost/numi-standin/<name>:<hash>} (never an official name) and
 * labelled {@value #LABEL}{@code =<hash>}, the hash of everything it is built from: an image with
 * that label already present is used as it is, so only the first run builds.
 */
final class StandInImages {

    static final String LABEL = "io.numicoin.standin";
    static final Path MMDEBSTRAP = Path.of("/usr/bin/mmdebstrap");
    private static final String RECIPE_VERSION = "1";
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(10);

    /** The images the compose file gets through its {@code NUMI_*_IMAGE} variables. */
    record Images(String jdk, String postgres, String kafka, String redis, String prometheus) {

        Map<String, String> composeEnvironment() {
            return Map.of("NUMI_JDK_IMAGE", jdk, "NUMI_JRE_IMAGE", jdk, "NUMI_POSTGRES_IMAGE", postgres,
                    "NUMI_KAFKA_IMAGE", kafka, "NUMI_REDIS_IMAGE", redis, "NUMI_PROMETHEUS_IMAGE", prometheus);
        }
    }

    /**
     * Where Kafka's broker and its runtime dependencies are, as Maven repository paths: the
     * broker's closure on this test's classpath (testkit runs the same broker in-process).
     */
    private static final List<String> KAFKA_GROUPS = List.of("/org/apache/kafka/", "/org/scala-lang/", "/com/fasterxml/jackson/",
            "/com/yammer/metrics/", "/net/sourceforge/argparse4j/", "/org/bitbucket/b_c/", "/com/github/luben/", "/at/yawk/lz4/",
            "/org/lz4/", "/org/xerial/snappy/", "/org/slf4j/", "/ch/qos/logback/", "/org/apache/logging/log4j/", "/org/pcollections/",
            "/net/sf/jopt-simple/", "/com/dynatrace/hash4j/", "/com/github/ben-manes/caffeine/", "/com/google/re2j/",
            "/com/typesafe/scala-logging/", "/commons-validator/", "/commons-beanutils/", "/commons-digester/", "/commons-logging/",
            "/commons-collections/", "/org/hdrhistogram/", "/org/yaml/snakeyaml/");

    private final Podman podman;
    private final Path recipes;
    private final Path workDir;
    private final Consumer<String> log;

    StandInImages(Podman podman, Path recipes, Path workDir, Consumer<String> log) {
        this.podman = podman;
        this.recipes = recipes;
        this.workDir = workDir;
        this.log = log;
    }

    Images ensure() {
        String base = ensureBase();
        String jdk = ensureJdk(base);
        String postgres = ensure("postgres", base, new ContentHash(), recipes.resolve("postgres"), null);
        String redis = ensure("redis", base, new ContentHash(), recipes.resolve("redis"), null);
        String prometheus = ensure("prometheus", base, new ContentHash(), recipes.resolve("prometheus"), null);
        String kafka = ensureKafka(jdk);
        return new Images(jdk, postgres, kafka, redis, prometheus);
    }

    private String ensureBase() {
        String hash = new ContentHash().text(RECIPE_VERSION).text("mmdebstrap --variant=minbase bookworm").hex();
        String name = name("debian", hash);
        if (present(hash)) {
            return name;
        }
        Path tar = workDir.resolve("debian-bookworm.tar");
        long start = System.nanoTime();
        Command.of(Map.of(), BUILD_LIMIT, MMDEBSTRAP.toString(), "--variant=minbase", "--quiet", "bookworm", tar.toString()).run().check();
        podman.run(BUILD_LIMIT, "import", "--change", "LABEL " + LABEL + "=" + hash, tar.toString(), name).check();
        delete(tar);
        log.accept("built " + name + " (mmdebstrap) in " + seconds(start) + " s");
        return name;
    }

    private String ensureJdk(String base) {
        Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath();
        Path cacerts = javaHome.resolve("lib/security/cacerts");
        ContentHash hash = new ContentHash().text(javaHome.toString()).file(javaHome.resolve("release")).file(cacerts);
        return ensure("jdk", base, hash, recipes.resolve("jdk"), context -> {
            // the JDK as it is, but cacerts as a file: on Debian it links to /etc/ssl/certs/java/cacerts
            copyTree(javaHome, context.resolve("jdk"));
            Path copied = context.resolve("jdk/lib/security/cacerts");
            delete(copied);
            copy(cacerts, copied);
        });
    }

    private String ensureKafka(String jdk) {
        List<Path> jars = kafkaJars();
        if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("kafka_2.13-"))) {
            throw new IllegalStateException("Kafka's broker (kafka_2.13) is not on the test classpath: " + jars);
        }
        ContentHash hash = new ContentHash();
        jars.forEach(j -> hash.text(j.getFileName().toString()).text(String.valueOf(size(j))));
        return ensure("kafka", jdk, hash, recipes.resolve("kafka"), context -> {
            Path libs = context.resolve("libs");
            jars.forEach(j -> copy(j, libs.resolve(j.getFileName())));
        });
    }

    /** Builds {@code recipe}'s Containerfile on {@code base} unless an image of the same content exists. */
    private String ensure(String image, String base, ContentHash inputs, Path recipe, Consumer<Path> stage) {
        String hash = inputs.text(RECIPE_VERSION).text(base).tree(recipe).hex();
        String name = name(image, hash);
        if (present(hash)) {
            return name;
        }
        long start = System.nanoTime();
        Path context = workDir.resolve("context-" + image);
        deleteTree(context);
        copyTree(recipe, context);
        if (stage != null) {
            stage.accept(context);
        }
        podman.run(BUILD_LIMIT, "build", "--quiet", "--build-arg", "BASE=" + base, "--label", LABEL + "=" + hash,
                "-f", context.resolve("Containerfile").toString(), "-t", name, context.toString()).check();
        deleteTree(context);
        log.accept("built " + name + " in " + seconds(start) + " s");
        return name;
    }

    private boolean present(String hash) {
        return !podman.imagesLabelled(LABEL, hash).isEmpty();
    }

    private static String name(String image, String hash) {
        return "localhost/numi-standin/" + image + ":" + hash.substring(0, 16);
    }

    /** The jars of Kafka's broker and its dependencies on this JVM's classpath, by file name. */
    static List<Path> kafkaJars() {
        Map<String, Path> jars = new TreeMap<>();
        try {
            for (URL url : Collections.list(ClassLoader.getSystemClassLoader().getResources("META-INF/MANIFEST.MF"))) {
                String text = url.toString();
                if (!text.startsWith("jar:file:") || !text.contains("!/")) {
                    continue;
                }
                Path jar = Path.of(URI.create(text.substring("jar:".length(), text.indexOf("!/"))));
                String path = jar.toString().replace('\\', '/');
                if (KAFKA_GROUPS.stream().anyMatch(path::contains)) {
                    jars.put(jar.getFileName().toString(), jar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(jars.values());
    }

    private static long seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** Copies a tree; links are copied as links (the JDK's own relative ones stay valid). */
    static void copyTree(Path from, Path to) {
        Command.of(Map.of(), Duration.ofMinutes(5), "cp", "-a", "--", from.toString(), to.toString()).run().check();
    }

    static void deleteTree(Path dir) {
        if (Files.exists(dir)) {
            Command.of(Map.of(), Duration.ofMinutes(5), "rm", "-rf", "--", dir.toString()).run().check();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.numicoin.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The services' images as the compose file names them ({@code ${NUMI_IMAGE_REPOSITORY}/<module>:${NUMI_IMAGE_TAG}}),
 * built from the root Dockerfile's {@code prebuilt} target on the stand-in JDK: the jars the reactor
 * already made, in a build context holding only them and the healthcheck script (the repository's
 * .dockerignore leaves target/ out, and building them again with Maven inside a container would
 * download the world).
 */
final class ServiceImages {

    static final String REPOSITORY = "localhost/numi-it";
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(10);

    private final Podman podman;
    private final Path root;
    private final String tag;
    private final List<String> built = new ArrayList<>();

    ServiceImages(Podman podman, Path root, String tag) {
        this.podman = podman;
        this.root = root;
        this.tag = tag;
    }

    /** Builds one image per module (several services share the node's), on {@code jdkImage}. */
    void build(List<String> modules, String jdkImage, Path workDir, Consumer<String> log) {
        Path context = workDir.resolve("context-services");
        StandInImages.deleteTree(context);
        try {
            Files.createDirectories(context.resolve("deploy/docker"));
            Files.copy(root.resolve("deploy/docker/numi-healthcheck"), context.resolve("deploy/docker/numi-healthcheck"));
            for (String module : modules) {
                Path jar = execJar(module);
                Path target = Files.createDirectories(context.resolve(module).resolve("target"));
                try {
                    Files.createLink(target.resolve(jar.getFileName()), jar);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(jar, target.resolve(jar.getFileName()));   // another file system
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the service jars in " + context, e);
        }
        for (String module : modules) {
            long start = System.nanoTime();
            String image = image(module);
            podman.run(BUILD_LIMIT, "build", "--quiet", "--target", "prebuilt", "--build-arg", "SERVICE=" + module,
                    "--build-arg", "JDK_IMAGE=" + jdkImage, "--build-arg", "JRE_IMAGE=" + jdkImage,
                    "-f", root.resolve("Dockerfile").toString(), "-t", image, context.toString()).check();
            built.add(image);
            log.accept("built " + image + " in " + (System.nanoTime() - start) / 1_000_000_000L + " s");
        }
        StandInImages.deleteTree(context);
    }

    String image(String module) {
        return REPOSITORY + "/" + module + ":" + tag;
    }

    /**
     * Removes what {@link #build} made, and the untagged intermediate stage images it left (each carries
     * the stand-in label it inherits from the stand-in JDK, so only images built on the stand-ins go; the
     * jars change every build, so keeping them as a cache only filled the disk, ~650 MB per service per run).
     */
    void remove() {
        for (String image : built) {
            podman.run(Duration.ofMinutes(2), "rmi", image);
        }
        built.clear();
        podman.run(Duration.ofMinutes(2), "image", "prune", "--force", "--filter", "label=" + StandInImages.LABEL);
    }

    /** {@code <module>/target/<module>-*-exec.jar}, which the reactor builds before this module. */
    private Path execJar(String module) throws IOException {
        Path target = root.resolve(module).resolve("target");
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
                stream.forEach(jars::add);
            }
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("expected one " + module + "/target/" + module + "-*-exec.jar (run ./mvnw -pl deploy -am verify, "
                    + "which packages the services first), found " + jars);
        }
        return jars.getFirst();
    }
}

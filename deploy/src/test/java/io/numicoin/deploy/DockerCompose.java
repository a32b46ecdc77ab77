package io.numicoin.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The {@code docker-compose} command line (no Docker engine needed for {@code config}). */
public final class DockerCompose {

    /** What a run printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/docker-compose"), Path.of("/usr/local/bin/docker-compose"));

    private final Path binary;

    private DockerCompose(Path binary) {
        this.binary = binary;
    }

    /** The docker-compose found on this machine: the usual places, then the PATH. */
    public static Optional<DockerCompose> find() {
        for (Path candidate : CANDIDATES) {
            if (Files.isExecutable(candidate)) {
                return Optional.of(new DockerCompose(candidate));
            }
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "docker-compose");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new DockerCompose(candidate));
            }
        }
        return Optional.empty();
    }

    /** {@code docker-compose -f FILE config -q}: validates the file against the Compose schema. */
    public Result validate(Path file) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("compose-config", ".out");
        Path stderr = Files.createTempFile("compose-config", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-f", file.toString(), "config", "-q")
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            // interpolation uses the file's own defaults, not whatever the caller exported
            builder.environment().keySet().removeIf(name -> name.startsWith("NUMI_") || name.startsWith("COMPOSE_"));
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(binary + " config did not finish within 2 minutes");
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    @Override
    public String toString() {
        return binary.toString();
    }
}

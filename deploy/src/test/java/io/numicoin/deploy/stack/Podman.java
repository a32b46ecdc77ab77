package io.numicoin.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Debian's podman as this machine runs it (docs/docker.md): runc as the runtime and lower default
 * ulimits, from a containers.conf of the test's own passed as {@code CONTAINERS_CONF}.
 */
final class Podman {

    static final Path BINARY = Path.of("/usr/bin/podman");
    /** {@code repository:tag} as {@code podman images --format} prints it: no spaces, quotes or {@code =}. */
    private static final Pattern IMAGE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*(:[0-9]+)?[A-Za-z0-9._/-]*:[A-Za-z0-9._<>-]+");

    private final Map<String, String> environment;

    private Podman(Path containersConf) {
        this.environment = Map.of("CONTAINERS_CONF", containersConf.toString());
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Writes the containers.conf into {@code workDir}. */
    static Podman configure(Path workDir) {
        Path conf = workDir.resolve("containers.conf");
        try {
            Files.createDirectories(workDir);
            Files.writeString(conf, """
                    # podman for ComposeStackIT: crun fails on this kernel, and the default ulimits are too high for it
                    [containers]
                    default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

                    [engine]
                    runtime = "runc"
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Podman(conf);
    }

    Map<String, String> environment() {
        return environment;
    }

    Command.Result run(Duration limit, String... args) {
        return run(limit, Arrays.asList(args));
    }

    Command.Result run(Duration limit, List<String> args) {
        return Command.of(environment, limit, Command.args(BINARY.toString(), args)).run();
    }

    /**
     * The images carrying {@code label=value}, as {@code repository:tag}. Only such lines count: podman
     * prints its warnings into the same output (a broken CNI configuration warns on every command), and
     * a warning taken for an image once made a missing base image look present.
     */
    List<String> imagesLabelled(String label, String value) {
        String out = run(Duration.ofMinutes(1), "images", "--noheading", "--filter", "label=" + label + "=" + value,
                "--format", "{{.Repository}}:{{.Tag}}").check().output();
        return out.lines().map(String::strip).filter(line -> IMAGE_NAME.matcher(line).matches() && !line.contains("<none>")).toList();
    }

    /** The names of the containers of a compose project (running or not). */
    List<String> containersOf(String project) {
        String out = run(Duration.ofMinutes(1), "ps", "-a", "--filter", "label=com.docker.compose.project=" + project,
                "--format", "{{.Names}}").check().output();
        return new ArrayList<>(out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    /** {@code podman healthcheck run}: true when the container's healthcheck passes now. */
    boolean healthcheck(String container) {
        return run(Duration.ofMinutes(1), "healthcheck", "run", container).ok();
    }

    String logs(String container, int lines) {
        return run(Duration.ofMinutes(1), "logs", "--tail", String.valueOf(lines), container).output();
    }
}

package io.numicoin.deploy.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The repository's docker-compose.yml under a project name of the test's own, run by docker-compose
 * v1 against {@code podman system service}, with the healthchecks run by a {@link HealthPump} (so
 * {@code depends_on: condition: service_healthy} works as with Docker). Only containers, volumes and
 * networks labelled with this project are ever stopped or removed.
 */
final class ComposeStack {

    static final Path DOCKER_COMPOSE = Path.of("/usr/bin/docker-compose");
    private static final Duration UP_LIMIT = Duration.ofMinutes(20);

    private final Podman podman;
    private final Path composeFile;
    private final String project;
    private final Map<String, String> environment;
    private final Consumer<String> log;

    ComposeStack(Podman podman, Path composeFile, String project, String dockerHost, Map<String, String> variables, Consumer<String> log) {
        this.podman = podman;
        this.composeFile = composeFile;
        this.project = project;
        this.log = log;
        Map<String, String> env = new HashMap<>(variables);
        env.put("DOCKER_HOST", dockerHost);
        env.put("COMPOSE_PROJECT_NAME", project);
        // the images exist already: docker-compose must not try to build (it would need BuildKit)
        env.put("DOCKER_BUILDKIT", "1");
        env.put("COMPOSE_DOCKER_CLI_BUILD", "1");
        this.environment = Map.copyOf(env);
    }

    String project() {
        return project;
    }

    /** {@code up -d}: returns once every service is started, each after what it depends on is healthy. */
    void up() {
        compose(UP_LIMIT, "up", "-d", "--no-build").check();
    }

    /**
     * {@code --profile <profile> up -d --no-build <service>}: one service of a profile, beside the
     * running stack (what it depends on must be up already).
     */
    void upProfileService(String profile, String service) {
        compose(UP_LIMIT, "--profile", profile, "up", "-d", "--no-build", service).check();
    }

    /** Stops and removes one service's container (a profile's, before {@link #down}). */
    void removeService(String profile, String service) {
        compose(Duration.ofMinutes(2), "--profile", profile, "rm", "--stop", "--force", service).check();
    }

    /**
     * {@code run --rm -T [-v bind ...] <service> <args>}: a one-off container of a tool (the wallet),
     * on the project's network, without a terminal; returns what it printed however it ended.
     */
    Command.Result run(String service, List<String> binds, List<String> args) {
        List<String> argv = new ArrayList<>(List.of("run", "--rm", "-T"));
        binds.forEach(bind -> argv.addAll(List.of("-v", bind)));
        argv.add(service);
        argv.addAll(args);
        return compose(Duration.ofMinutes(5), argv.toArray(String[]::new));
    }

    /** {@code down}: containers and the network go, the named volumes stay (unless {@code volumes}). */
    Command.Result down(boolean volumes) {
        return volumes ? compose(Duration.ofMinutes(5), "down", "--volumes", "--timeout", "30")
                : compose(Duration.ofMinutes(5), "down", "--timeout", "30");
    }

    /** The container of a service ({@code <project>_<service>_1}). */
    String container(String service) {
        return project + "_" + service + "_1";
    }

    /** The last {@code lines} log lines of each of {@code services}, each under a header (for a failure's message). */
    /**
     * Each service's warnings, errors and rotation changes (the gateway's "is down", "still in
     * rotation") from its last 5,000 log lines, at most {@code lines} of them: what a tail full of
     * access lines hides.
     */
    String logWarnings(List<String> services, int lines) {
        List<String> report = new ArrayList<>();
        for (String service : services) {
            List<String> found = podman.logs(container(service), 5_000).lines()
                    .filter(line -> line.contains("WARN") || line.contains("ERROR") || line.contains(" is down")
                            || line.contains(" is up") || line.contains("in rotation"))
                    .toList();
            report.add("--- " + service + " (warnings, errors, rotation; " + found.size() + " lines, the last " + lines + "):\n"
                    + String.join("\n", found.subList(Math.max(0, found.size() - lines), found.size())));
        }
        return String.join("\n", report);
    }

    String logTails(List<String> services, int lines) {
        List<String> report = new ArrayList<>();
        for (String service : services) {
            report.add("--- " + service + " (last " + lines + " log lines):\n" + podman.logs(container(service), lines));
        }
        return String.join("\n", report);
    }

    /**
     * Runs every service's healthcheck until all pass; fails after {@code limit} naming the ones
     * that did not, with the end of their logs.
     */
    void awaitHealthy(Set<String> services, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Set<String> waiting = new LinkedHashSet<>(services);
        while (true) {
            waiting.removeIf(service -> podman.healthcheck(container(service)));
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not healthy within " + limit + ": " + waiting + "\n" + logTails(List.copyOf(waiting), 40));
            }
            Thread.sleep(HealthPump.INTERVAL.toMillis());
        }
    }

    /**
     * Takes the project down with its volumes; what compose leaves (it failed, or never started)
     * is removed by its project label. Never touches anything of another project.
     */
    void destroy() {
        Command.Result down = down(true);
        if (!down.ok()) {
            log.accept("docker-compose down failed, removing the project's containers by label: " + Command.tail(down.output(), 2000));
        }
        for (String container : podman.containersOf(project)) {
            podman.run(Duration.ofMinutes(2), "rm", "--force", "--time", "10", container);
        }
        String label = "label=com.docker.compose.project=" + project;
        for (String volume : podman.run(Duration.ofMinutes(1), "volume", "ls", "--quiet", "--filter", label).output().lines()
                .map(String::strip).filter(v -> !v.isEmpty()).toList()) {
            podman.run(Duration.ofMinutes(1), "volume", "rm", "--force", volume);
        }
        for (String network : podman.run(Duration.ofMinutes(1), "network", "ls", "--quiet", "--filter", label).output().lines()
                .map(String::strip).filter(n -> !n.isEmpty()).toList()) {
            podman.run(Duration.ofMinutes(1), "network", "rm", "--force", network);
        }
    }

    private Command.Result compose(Duration limit, String... args) {
        List<String> argv = new ArrayList<>(List.of(DOCKER_COMPOSE.toString(), "--ansi", "never", "-f", composeFile.toString(), "-p", project));
        argv.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(podman.environment());
        long start = System.nanoTime();
        Command.Result result = Command.of(env, limit, argv).run();
        String shown = String.join(" ", args);
        log.accept("docker-compose " + (shown.length() > 200 ? shown.substring(0, 200) + "…" : shown) + ": exit " + result.exitCode()
                + " in " + (System.nanoTime() - start) / 1_000_000L + " ms");
        return result;
    }
}

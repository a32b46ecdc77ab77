package io.numicoin.deploy.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the containers' healthchecks, which nothing runs here otherwise (podman schedules them with
 * systemd timers, and this machine has no systemd): {@code podman healthcheck run} on every
 * container of the project each {@link #INTERVAL} (a healthy one each {@link #HEALTHY_INTERVAL}).
 * docker-compose's {@code depends_on: condition: service_healthy} waits on what this reports.
 */
final class HealthPump implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final Duration HEALTHY_INTERVAL = Duration.ofSeconds(30);

    private record Check(boolean healthy, long atNanos) {
    }

    private final Podman podman;
    private final String project;
    private final Map<String, Check> checks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "health-pump");
        thread.setDaemon(true);
        return thread;
    });

    private final ExecutorService checkers = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "health-check");
        thread.setDaemon(true);
        return thread;
    });

    HealthPump(Podman podman, String project) {
        this.podman = podman;
        this.project = project;
    }

    HealthPump start() {
        scheduler.scheduleWithFixedDelay(this::round, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void round() {
        List<String> containers;
        try {
            containers = podman.containersOf(project);
        } catch (RuntimeException e) {
            return;   // podman busy or the project going down: the next round asks again
        }
        List<Future<?>> running = new ArrayList<>();
        for (String container : containers) {
            Check last = checks.get(container);
            if (last != null && last.healthy() && System.nanoTime() - last.atNanos() < HEALTHY_INTERVAL.toNanos()) {
                continue;
            }
            // in parallel: on a loaded machine one check can take seconds
            running.add(checkers.submit(() -> checks.put(container, new Check(podman.healthcheck(container), System.nanoTime()))));
        }
        for (Future<?> check : running) {
            try {
                check.get();
            } catch (ExecutionException e) {
                // that container's check counts as not run; the next round runs it again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        checkers.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

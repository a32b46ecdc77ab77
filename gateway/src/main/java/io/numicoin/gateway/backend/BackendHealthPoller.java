package io.numicoin.gateway.backend;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Polls every instance's health path each {@code interval}: an instance is up when it answers 2xx
 * within {@code timeout}, and down once {@code failuresToLeave} polls in a row have failed (at the
 * first for one that never answered); for a pool that tracks the tip, the answer's {@code height}
 * is kept (a node's {@code GET /api/v1/chain}), so an instance behind the others leaves the rotation.
 */
public final class BackendHealthPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackendHealthPoller.class);

    private final List<BackendPool> pools;
    private final java.util.Map<BackendPool, String> healthPaths;
    private final WebClient client;
    private final Duration interval;
    private final Duration timeout;
    private final int failuresToLeave;
    private Disposable polling;

    public BackendHealthPoller(java.util.Map<BackendPool, String> healthPaths, WebClient client, Duration interval, Duration timeout,
            int failuresToLeave) {
        if (failuresToLeave < 1) {
            throw new IllegalArgumentException("an instance leaves the rotation after at least one failed poll, got " + failuresToLeave);
        }
        this.failuresToLeave = failuresToLeave;
        this.healthPaths = java.util.Map.copyOf(healthPaths);
        this.pools = List.copyOf(healthPaths.keySet());
        this.client = client;
        this.interval = interval;
        this.timeout = timeout;
    }

    public synchronized void start() {
        polling = Flux.interval(Duration.ZERO, interval).onBackpressureDrop()
                .concatMap(tick -> pollAll(), 1)
                .subscribe();
    }

    /** One poll of every instance; completes when all have answered or timed out. */
    public Mono<Void> pollAll() {
        return Flux.fromIterable(pools)
                .flatMap(pool -> Flux.fromIterable(pool.instances()).flatMap(i -> poll(pool, i)))
                .then();
    }

    private Mono<Void> poll(BackendPool pool, BackendInstance instance) {
        return client.get().uri(instance.uri().resolve(healthPaths.get(pool)))
                .retrieve().bodyToMono(JsonNode.class)
                .timeout(timeout)
                .map(body -> new BackendInstance.Health(true, pool.tracksTip() ? body.path("height").asLong(-1) : -1, "ok"))
                .onErrorResume(e -> Mono.just(new BackendInstance.Health(false, -1, FailureText.of(e))))
                .doOnNext(result -> {
                    boolean wasUp = instance.health().up();
                    BackendInstance.Health now = instance.polled(result, failuresToLeave);
                    if (now.up() != wasUp) {
                        log.info("{} is {} ({})", instance.name(), now.up() ? "up" : "down", now.detail());
                    } else if (!result.up() && now.up()) {
                        log.info("{}: poll {} of {} in a row failed, still in rotation ({})", instance.name(), instance.failedPolls(),
                                failuresToLeave, result.detail());
                    }
                })
                .then();
    }

    @Override
    public synchronized void close() {
        if (polling != null) {
            polling.dispose();
        }
    }
}

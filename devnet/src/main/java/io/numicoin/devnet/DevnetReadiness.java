package io.numicoin.devnet;

import io.numicoin.devnet.monitoring.DevnetPrometheus;
import io.numicoin.devnet.process.HttpProbe;
import io.numicoin.devnet.process.PrometheusText;
import io.numicoin.devnet.process.ServiceProcess;
import io.numicoin.devnet.wallet.NodeApi;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the devnet knows it is ready: each service's readiness endpoint answers, then the faucet can
 * spend, the followers have caught up and every node has a peer. Each wait gives up after the
 * startup limit ({@code -Dnumi.devnet.startup-minutes}, 5), says what it waits for every few seconds
 * and ends early when a stop is requested.
 */
final class DevnetReadiness {

    /** How long services may take to report ready; {@code -Dnumi.devnet.startup-minutes} (NUMI_JAVA_OPTS) on a busy machine. */
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(Long.getLong("numi.devnet.startup-minutes", 5));
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final DevnetLayout layout;
    private final DevnetPorts ports;
    private final Progress progress;
    private final StopSignal stop;
    private final HttpProbe probe;

    DevnetReadiness(DevnetLayout layout, DevnetPorts ports, Progress progress, StopSignal stop, HttpProbe probe) {
        this.layout = layout;
        this.ports = ports;
        this.progress = progress;
        this.stop = stop;
        this.probe = probe;
    }

    /** Waits until every service of {@code starting} answers its readiness probe; fails when one exits. */
    void awaitServices(List<ServiceProcess> starting) {
        Set<ServiceProcess> waiting = new LinkedHashSet<>(starting);
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        long nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " exited with code " + service.exitValue()
                            + " while starting; its log: " + service.spec().log());
                }
                if (probe.ok(service.spec().readiness())) {
                    waiting.remove(service);
                    progress.say(service.name() + " ready (" + service.spec().api() + ")");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + STARTUP_LIMIT.toMinutes() + " minutes: "
                        + waiting.stream().map(ServiceProcess::name).toList() + " (see their logs in " + layout.logs() + ")");
            }
            if (!waiting.isEmpty() && System.nanoTime() > nextReport) {
                progress.say("waiting for " + String.join(", ", waiting.stream().map(ServiceProcess::name).toList()) + " ...");
                nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            if (!waiting.isEmpty()) {
                stop.pause(500);
            }
        }
    }

    /** Waits until Prometheus answers its readiness endpoint; fails when it exits first. */
    void awaitPrometheus(DevnetPrometheus prometheus) {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (!probe.ok(prometheus.readiness())) {
            if (!prometheus.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Prometheus did not start (see " + layout.log("prometheus") + ")");
            }
            stop.pause(500);
        }
    }

    /**
     * Waits until {@code faucet} (its bech32 address) has a spendable balance, node2 to node4 are at least at its maturity
     * height and every node has a peer.
     */
    void awaitFaucetAndFollowers(String faucet) throws IOException {
        List<NodeApi> nodes = List.of(1, 2, 3, 4).stream()
                .map(n -> new NodeApi(URI.create("http://127.0.0.1:" + ports.nodeApi(n)))).toList();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        long nextReport = 0;
        while (true) {
            long height = nodes.getFirst().chain().height();
            boolean funded = nodes.getFirst().account(faucet).balanceUnits() > 0;
            long lowest = Long.MAX_VALUE;
            for (NodeApi node : nodes.subList(1, nodes.size())) {
                lowest = Math.min(lowest, node.chain().height());
            }
            List<Integer> peers = List.of(peers(1), peers(2), peers(3), peers(4));  // node4's come from the seed
            boolean connected = peers.stream().allMatch(p -> p >= 1);
            if (funded && lowest >= Devnet.FAUCET_MATURE_HEIGHT && connected) {
                progress.say("faucet funded at height " + height + "; node2..node4 at height >= " + lowest
                        + "; peers of node1..4: " + peers);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("after " + STARTUP_LIMIT.toMinutes() + " minutes: height " + height
                        + ", faucet funded " + funded + ", node2..node4 at " + lowest + ", peers of node1..4 " + peers
                        + " (see " + layout.logs() + ")");
            }
            if (System.nanoTime() > nextReport) {
                progress.say(funded
                        ? "faucet funded; node2..node4 at height " + lowest + " of " + height
                        : "mining: height " + height + " (the faucet's first reward is spendable at " + Devnet.FAUCET_MATURE_HEIGHT + ")");
                nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            stop.pause(1_000);
        }
    }

    /** Node {@code n}'s connected peers ({@code numi_p2p_peers} on its management port), 0 when it does not answer. */
    private int peers(int n) {
        return probe.get(URI.create("http://127.0.0.1:" + ports.nodeManagement(n) + "/actuator/prometheus"))
                .map(body -> (int) PrometheusText.gauge(body, "numi_p2p_peers").orElse(0))
                .orElse(0);
    }
}

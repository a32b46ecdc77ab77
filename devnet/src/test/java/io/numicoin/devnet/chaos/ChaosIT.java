package io.numicoin.devnet.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.devnet.DevnetPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The short chaos run of {@code ./mvnw verify}: {@code ./numi chaos} as a real process (jars from
 * this build) on a new devnet of its own, a few faults under load, and the checker's verdict: no
 * accepted transfer lost or confirmed twice, every node on one tip and commitment, exit code 0, and
 * at least one reorganisation of the event source (node1), which the partition fault makes.
 * The long run (at least 20 faults) is {@code bench/run chaos}. Ports offset by
 * {@code -Dnumi.chaos.it.port-offset} (default 800); faults {@code -Dnumi.chaos.it.faults} (default 4);
 * seed {@code -Dnumi.chaos.it.seed} (default 4: node2 partitioned and healed, node2 and node1 killed, Kafka restarted;
 * a seed whose first four faults hold no partition fails the reorganisation check).
 */
class ChaosIT {

    private static final Duration LIMIT = Duration.ofMinutes(Long.getLong("numi.chaos.it.minutes", 12));

    private final Path root = Path.of("..").toAbsolutePath().normalize();
    private final Path dataDir = Path.of("target/chaos-it").toAbsolutePath();
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private Process chaos;

    @Test
    void aFewFaultsUnderLoadLoseAndDoubleNothing() throws Exception {
        int faults = Integer.getInteger("numi.chaos.it.faults", 4);
        ProcessBuilder builder = new ProcessBuilder(root.resolve("numi").toString(), "chaos", "--data-dir", dataDir.toString(),
                "--port-offset", Integer.toString(Integer.getInteger("numi.chaos.it.port-offset", 800)),
                "--faults", Integer.toString(faults), "--seed", Long.toString(Long.getLong("numi.chaos.it.seed", 4)),
                "--baseline", "5", "--rate", "4", "--accounts", "12")
                .directory(root.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("NUMI_DEVNET_SKIP_BUILD", "1");
        // a service may take minutes to start on a machine shared with other builds
        builder.environment().put("NUMI_JAVA_OPTS", "-Dnumi.devnet.startup-minutes=" + Long.getLong("numi.chaos.it.startup-minutes", 10));
        long started = System.nanoTime();
        chaos = builder.start();
        Thread reader = Thread.ofPlatform().daemon().start(this::readOutput);
        assertThat(chaos.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("finished within %s", LIMIT).isTrue();
        reader.join(5_000);
        System.out.printf("chaos run of %d faults in %.1f s%n", faults, (System.nanoTime() - started) / 1e9);
        String all = String.join("\n", output);
        assertThat(chaos.exitValue()).as("exit code; output:%n%s", all).isZero();
        assertThat(output).as(all).contains("chaos.faults " + faults + " count", "chaos.lost 0 count", "chaos.duplicated 0 count",
                "chaos.commitments_equal 1 bool", "chaos.checks_passed 1 bool");
        assertThat(output).as(all).anyMatch(l -> l.matches("chaos\\.accepted [1-9][0-9]* count"));
        // the partition (PARTITION_NODE: node2 and miner2 cut off, healed once node2's branch has more work) makes the
        // event source reorganise; the two miners racing for heights may add more
        long reorgs = figure("chaos.reorgs");
        long disconnected = figure("chaos.blocks_disconnected");
        long reorgsAllNodes = figure("chaos.reorgs_all_nodes");
        System.out.printf("forks: chaos.reorgs %d, chaos.blocks_disconnected %d, chaos.orphaned_transfers %d, chaos.reorgs_all_nodes %d%n",
                reorgs, disconnected, figure("chaos.orphaned_transfers"), reorgsAllNodes);
        assertThat(reorgs).as("reorganisations of node1 (the partition must make one); output:%n%s", all).isGreaterThanOrEqualTo(1);
        assertThat(disconnected).as("blocks node1 disconnected").isGreaterThanOrEqualTo(1);
        List<String> history = Files.readAllLines(dataDir.resolve("load-history.jsonl"));
        assertThat(history.stream().filter(l -> l.contains("\"type\":\"fault\"") && l.contains("\"edge\":\"begin\""))).hasSize(faults);
        assertThat(history).anyMatch(l -> l.contains("\"phase\":\"load\"") && l.contains("\"status\":200"));
        DevnetPorts ports = new DevnetPorts(Integer.getInteger("numi.chaos.it.port-offset", 800));
        for (int port : List.of(ports.nodeApi(1), ports.nodeApi(2), ports.mempoolApi(), ports.minerApi(), ports.secondMinerApi(),
                ports.kafka(), ports.postgres())) {
            assertThat(free(port)).as("port %d free after the run", port).isTrue();
        }
    }

    @AfterEach
    void leaveNothingRunning() throws IOException {
        if (chaos != null && chaos.isAlive()) {
            chaos.descendants().forEach(ProcessHandle::destroyForcibly);
            chaos.destroyForcibly();
        }
        Path pid = dataDir.resolve("postgres/postmaster.pid");
        if (Files.isRegularFile(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().strip())).ifPresent(ProcessHandle::destroy);
        }
        Files.write(Path.of("target/chaos-it.out"), List.copyOf(output));
    }

    /** The value of the figure line {@code name value unit}, or fails when the run printed none. */
    private long figure(String name) {
        synchronized (output) {
            return output.stream().filter(l -> l.startsWith(name + " ")).map(l -> l.split(" ")[1]).mapToLong(Long::parseLong)
                    .findFirst().orElseThrow(() -> new AssertionError("no figure " + name + " in the output"));
        }
    }

        private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(chaos.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
                System.out.println(line);
            }
        } catch (IOException e) {
            output.add("(output stream closed: " + e.getMessage() + ")");
        }
    }
}

package io.numicoin.p2p.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The js-libp2p gossipsub peer of {@code src/test/js/gossip.mjs} (installed by {@link JsPeer#install}).
 * Received messages ({@code "event":"message"}) and command answers are kept apart, so a test can
 * wait for either.
 */
final class GossipJsPeer implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

    private GossipJsPeer(Process process) {
        this.process = process;
        this.stdin = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode node = JSON.readTree(line);
                    ("message".equals(node.get("event").asString()) ? messages : answers).add(node);
                }
            } catch (IOException | RuntimeException e) {
                // process ended
            }
        }, "js-gossip-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static GossipJsPeer start(String signaturePolicy) throws IOException {
        Process p = new ProcessBuilder(List.of(JsPeer.DIR.resolve("node_modules/.bin/node").toAbsolutePath().toString(),
                "gossip.mjs", signaturePolicy))
                .directory(JsPeer.DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new GossipJsPeer(p);
    }

    void send(String json) throws IOException {
        stdin.write(json + "\n");
        stdin.flush();
    }

    /** The next command answer; fails on a timeout or an {@code error} answer other than expected. */
    JsonNode answer(String event, Duration timeout) throws InterruptedException {
        JsonNode node = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (node == null) {
            throw new AssertionError("the js peer answered nothing within " + timeout
                    + (process.isAlive() ? "" : " (it exited " + process.exitValue() + ")"));
        }
        if (!event.equals(node.get("event").asString())) {
            throw new AssertionError("expected " + event + " from the js peer, got " + node);
        }
        return node;
    }

    /** The next message the js peer received, or null after {@code timeout}. */
    JsonNode message(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            send("{\"cmd\":\"exit\"}");
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

package io.numicoin.pool.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Stratum v1 client connection: requests with ids matched to their answers, notifications
 * (mining.notify, mining.set_difficulty) handed to a listener on the reader thread. Lines from the
 * pool are read up to {@link #MAX_LINE} characters.
 */
public final class StratumClient implements AutoCloseable {

    static final int MAX_LINE = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Socket socket;
    private final OutputStream out;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Consumer<JsonNode> notifications;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    public StratumClient(InetSocketAddress pool, Consumer<JsonNode> notifications) throws IOException {
        this.socket = new Socket();
        socket.connect(pool, 5_000);
        this.out = socket.getOutputStream();
        this.notifications = notifications;
        Thread.ofPlatform().daemon().name("stratum-client-" + socket.getLocalPort()).start(this::read);
    }

    /** Sends a request; its whole answer ({@code result} and {@code error}). */
    public JsonNode call(String method, Object... params) throws IOException {
        long id = ids.incrementAndGet();
        ObjectNode request = JSON.createObjectNode();
        request.put("id", id);
        request.put("method", method);
        ArrayNode p = request.putArray("params");
        for (Object param : params) {
            p.addPOJO(param);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        sendLine(JSON.writeValueAsString(request));
        try {
            return answer.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no answer to " + method + ": " + e.getMessage(), e);
        } finally {
            pending.remove(id);
        }
    }

    /** Sends a raw line (tests send malformed ones). */
    public synchronized void sendLine(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.length() > MAX_LINE) {
                    break;
                }
                JsonNode message = JSON.readTree(line);
                if (message.path("method").isString()) {
                    notifications.accept(message);
                } else if (message.path("id").isNumber()) {
                    CompletableFuture<JsonNode> answer = pending.get(message.path("id").asLong());
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the connection ended
        } finally {
            pending.values().forEach(f -> f.completeExceptionally(new IOException("connection closed")));
            closed.complete(null);
            close();
        }
    }

    /** True once the pool closed the connection, within {@code wait}. */
    public boolean awaitClosed(Duration wait) {
        try {
            closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}

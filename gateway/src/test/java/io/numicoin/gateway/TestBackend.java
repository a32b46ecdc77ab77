package io.numicoin.gateway;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A backend for the gateway's tests on a real loopback port, answering the paths and JSON shapes of
 * the node, mempool and explorer APIs (docs/api.md, docs/mempool.md, docs/explorer.md) that the
 * gateway routes: {@code GET /api/v1/chain} with a settable height, any other GET with a small JSON
 * naming this backend, the mempool's submit verdicts and the node's submit answer. It records every
 * request it gets (path and headers), can be stopped and started again on the same port.
 */
final class TestBackend implements AutoCloseable {

    /** How the mempool submit path answers. */
    enum SubmitMode { ADDED, REFUSED, FAIL_503 }

    record Hit(String method, String path, Map<String, String> headers) {
    }

    private final String name;
    private final AtomicLong height = new AtomicLong(100);
    private final AtomicReference<SubmitMode> submitMode = new AtomicReference<>(SubmitMode.ADDED);
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final java.util.Set<reactor.netty.Connection> connections = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int port;
    private DisposableServer server;

    private TestBackend(String name) {
        this.name = name;
    }

    static TestBackend start(String name) {
        TestBackend backend = new TestBackend(name);
        backend.bind(0);
        return backend;
    }

    private synchronized void bind(int onPort) {
        server = HttpServer.create().host("127.0.0.1").port(onPort)
                .doOnConnection(connection -> {
                    connections.add(connection);
                    connection.onDispose(() -> connections.remove(connection));
                })
                .handle(this::handle).bindNow();
        port = ((InetSocketAddress) server.address()).getPort();
    }

    /** Stops answering (the port refuses connections). */
    synchronized void stop() {
        server.disposeNow();
        // kept-alive connections too: a stopped backend answers nothing
        // closed and waited for: dispose() alone returns before the channel is closed, and a request
        // sent at once could still be answered on it
        connections.forEach(connection -> connection.disposeNow(java.time.Duration.ofSeconds(2)));
    }

    /** Answers again on the same port. */
    synchronized void restart() {
        bind(port);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void height(long value) {
        height.set(value);
    }

    void submitMode(SubmitMode mode) {
        submitMode.set(mode);
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = request.uri().contains("?") ? request.uri().substring(0, request.uri().indexOf('?')) : request.uri();
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.requestHeaders().forEach(e -> headers.put(e.getKey(), e.getValue()));
        hits.add(new Hit(request.method().name(), path, headers));
        response.header("X-Backend", name);
        if (request.method().name().equals("GET") && path.equals("/api/v1/chain")) {
            return json(response, 200, "{\"network\":\"regtest\",\"height\":" + height.get() + "}");
        }
        if (request.method().name().equals("POST") && path.equals("/api/v1/mempool/transactions")) {
            return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> switch (submitMode.get()) {
                case ADDED -> json(response, 200, "{\"txid\":\"" + txid(body) + "\",\"outcome\":\"ADDED\",\"replaced\":null}");
                case REFUSED -> problem(response, 422, "NONCE_TOO_LOW", "nonce 1 is below the account's next nonce 2",
                        ",\"outcome\":\"INVALID\",\"txid\":\"" + txid(body) + "\"");
                case FAIL_503 -> problem(response, 503, "UNAVAILABLE", "the service cannot take the call now; try again", "");
            });
        }
        if (request.method().name().equals("POST") && path.equals("/api/v1/transactions")) {
            return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body ->
                    json(response, 202, "{\"txid\":\"" + txid(body) + "\",\"status\":\"SEEN\",\"outcome\":null,\"replaced\":null}"));
        }
        if (request.method().name().equals("GET") || request.method().name().equals("HEAD")) {
            return json(response, 200, "{\"backend\":\"" + name + "\",\"path\":\"" + path + "\"}");
        }
        return problem(response, 405, "METHOD_NOT_ALLOWED", "not here", "");
    }

    /** Stands for the txid: the body's length and first byte, enough to tell submissions apart. */
    private static String txid(byte[] body) {
        return "len" + body.length + "b" + (body.length == 0 ? 0 : body[0] & 0xff);
    }

    private static Mono<Void> json(HttpServerResponse response, int status, String body) {
        return response.status(status).header("Content-Type", "application/json")
                .sendString(Mono.just(body), StandardCharsets.UTF_8).then();
    }

    private static Mono<Void> problem(HttpServerResponse response, int status, String rule, String detail, String extra) {
        String body = "{\"type\":\"https://numicoin.io/problems/" + rule.toLowerCase().replace('_', '-') + "\",\"title\":\"x\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\",\"rule\":\"" + rule + "\"" + extra + "}";
        return response.status(status).header("Content-Type", "application/problem+json")
                .sendString(Mono.just(body), StandardCharsets.UTF_8).then();
    }

    @Override
    public void close() {
        if (server != null && !server.isDisposed()) {
            server.disposeNow();
        }
    }
}

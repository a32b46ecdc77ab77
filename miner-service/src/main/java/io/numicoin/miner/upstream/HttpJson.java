package io.numicoin.miner.upstream;

import io.numicoin.protocol.tx.ProtocolLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to one upstream service (the mempool), every call with a deadline and every answer
 * read up to {@link #MAX_ANSWER_BYTES}; transient failures (no connection, timeout, 5xx) are
 * retried {@code attempts} times with a doubling backoff.
 */
public final class HttpJson {

    /**
     * The largest answer read: a template of a full block ({@link ProtocolLimits#MAX_BLOCK_BYTES},
     * hex-encoded) with room for its JSON fields.
     */
    public static final int MAX_ANSWER_BYTES = 4 * ProtocolLimits.MAX_BLOCK_BYTES;

    private final String service;
    private final URI base;
    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Duration timeout;
    private final int attempts;
    private final Duration retryBackoff;

    public HttpJson(String service, URI base, Duration timeout, int attempts, Duration retryBackoff) {
        this.service = service;
        this.base = base;
        this.timeout = timeout;
        this.attempts = attempts;
        this.retryBackoff = retryBackoff;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI base() {
        return base;
    }

    public Duration timeout() {
        return timeout;
    }

    public int attempts() {
        return attempts;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** GET {@code pathAndQuery}; the answer's JSON. */
    public JsonNode get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        return call(request, true);
    }

    /**
     * POST a JSON body once (not retried: a block submission is not repeated blindly), with its own deadline.
     * 4xx answers come back as {@link UpstreamException} with {@link UpstreamException.Reason#HTTP_ERROR}.
     */
    public JsonNode post(String path, String body, Duration deadline) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(deadline)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return call(request, false);
    }

    public String quote(String text) {
        return json.writeValueAsString(text);
    }

    private JsonNode call(HttpRequest request, boolean retry) {
        int tries = retry ? attempts : 1;
        long delay = retryBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(request);
            } catch (UpstreamException e) {
                if (attempt >= tries || !e.transientFailure()) {
                    throw e;
                }
                sleep(delay);
                delay *= 2;
            }
        }
    }

    private JsonNode once(HttpRequest request) {
        String where = service + " " + request.method() + " " + request.uri();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new UpstreamException(UpstreamException.Reason.TIMEOUT, 0, where + ": no connection within " + timeout, e);
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(UpstreamException.Reason.TIMEOUT, 0, where + ": no answer within the deadline", e);
        } catch (ConnectException e) {
            throw new UpstreamException(UpstreamException.Reason.UNREACHABLE, 0, where + ": connection refused", e);
        } catch (IOException e) {
            throw new UpstreamException(UpstreamException.Reason.UNREACHABLE, 0, where + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(UpstreamException.Reason.UNREACHABLE, 0, where + ": interrupted", e);
        }
        byte[] bytes = read(response.body(), where);
        JsonNode body;
        try {
            body = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (JacksonException e) {
            throw new UpstreamException(UpstreamException.Reason.BAD_RESPONSE, response.statusCode(),
                    where + ": answer is not JSON (status " + response.statusCode() + ")", e);
        }
        if (response.statusCode() >= 300) {
            String rule = body.path("rule").asString("");
            throw new UpstreamException(UpstreamException.Reason.HTTP_ERROR, response.statusCode(), rule,
                    where + ": " + response.statusCode() + " " + rule + " " + body.path("detail").asString(""), null);
        }
        return body;
    }

    /** The answer's bytes, at most {@link #MAX_ANSWER_BYTES}: a larger answer is refused unread. */
    private static byte[] read(InputStream in, String where) {
        try (in) {
            byte[] body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (body.length > MAX_ANSWER_BYTES) {
                throw new UpstreamException(UpstreamException.Reason.BAD_RESPONSE, 0,
                        where + ": answer over " + MAX_ANSWER_BYTES + " bytes", null);
            }
            return body;
        } catch (IOException e) {
            throw new UpstreamException(UpstreamException.Reason.UNREACHABLE, 0, where + ": reading the answer failed: " + e, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

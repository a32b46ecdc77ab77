package io.numicoin.support.node;

import io.numicoin.support.node.NodeApiException.Reason;
import io.numicoin.support.problem.Problem;
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
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to the node: every call with a deadline, every answer read up to a bound, an error status
 * turned into a {@link NodeApiException} carrying the node's problem document. GETs are retried on
 * transient failures (no connection, timeout, 5xx) with a doubling backoff; POSTs are sent once.
 */
final class NodeHttp {

    /** An error answer's problem document is read up to this many bytes. */
    private static final int MAX_PROBLEM_BYTES = 64 * 1024;

    private final String base;
    private final HttpClient client;
    private final Duration timeout;
    private final int getAttempts;
    private final Duration retryBackoff;
    private final String authorization;
    private final JsonMapper json = JsonMapper.builder().build();

    NodeHttp(URI base, Duration timeout, int getAttempts, Duration retryBackoff, String bearerToken) {
        if (getAttempts < 1) {
            throw new IllegalArgumentException("getAttempts must be at least 1, got " + getAttempts);
        }
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.timeout = timeout;
        this.getAttempts = getAttempts;
        this.retryBackoff = retryBackoff;
        this.authorization = bearerToken == null ? null : "Bearer " + bearerToken;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** GET {@code pathAndQuery}: the answer's bytes (at most {@code maxBytes}), empty on 404. */
    Optional<byte[]> get(String pathAndQuery, String accept, int maxBytes) {
        HttpRequest request = request(pathAndQuery, timeout).header("Accept", accept).GET().build();
        long delay = retryBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(request, maxBytes, true);
            } catch (NodeApiException e) {
                if (attempt >= getAttempts || !e.transientFailure()) {
                    throw e;
                }
                pause(delay);
                delay *= 2;
            }
        }
    }

    /** POST {@code body} once, with its own deadline: the answer's bytes (at most {@code maxBytes}). */
    byte[] post(String path, String contentType, byte[] body, Duration deadline, int maxBytes) {
        HttpRequest request = request(path, deadline).header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return once(request, maxBytes, false).orElseThrow();
    }

    JsonNode json(byte[] body, String what) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw bad(what + ": the answer is not JSON", e);
        }
    }

    byte[] jsonBytes(Object value) {
        return json.writeValueAsBytes(value);
    }

    NodeApiException bad(String message, Throwable cause) {
        return new NodeApiException(Reason.BAD_RESPONSE, "node at " + base + ": " + message, cause);
    }

    private HttpRequest.Builder request(String pathAndQuery, Duration deadline) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(deadline);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private Optional<byte[]> once(HttpRequest request, int maxBytes, boolean notFoundIsEmpty) {
        String where = "node " + request.method() + " " + request.uri();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new NodeApiException(Reason.TIMEOUT, where + ": no connection within " + timeout, e);
        } catch (HttpTimeoutException e) {
            throw new NodeApiException(Reason.TIMEOUT, where + ": no answer within the deadline", e);
        } catch (ConnectException e) {
            throw new NodeApiException(Reason.UNREACHABLE, where + ": unreachable (connection refused)", e);
        } catch (IOException e) {
            throw new NodeApiException(Reason.UNREACHABLE, where + ": unreachable (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeApiException(Reason.UNREACHABLE, where + ": interrupted", e);
        }
        int status = response.statusCode();
        boolean ok = status >= 200 && status < 300;
        byte[] body = read(response.body(), ok ? maxBytes : MAX_PROBLEM_BYTES, where);
        if (ok) {
            return Optional.of(body);
        }
        if (status == 404 && notFoundIsEmpty) {
            return Optional.empty();
        }
        JsonNode document;
        try {
            document = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException e) {
            document = json.createObjectNode();
        }
        Problem problem = Problem.read(status, document);
        throw new NodeApiException(problem, where + ": " + status + " " + problem.rule()
                + (problem.detail().isEmpty() ? "" : " " + problem.detail()));
    }

    private byte[] read(InputStream in, int maxBytes, String where) {
        try (in) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new NodeApiException(Reason.BAD_RESPONSE, where + ": the answer is over " + maxBytes + " bytes", null);
            }
            return body;
        } catch (IOException e) {
            throw new NodeApiException(Reason.UNREACHABLE, where + ": the answer broke off: " + e, e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeApiException(Reason.UNREACHABLE, "interrupted between retries", e);
        }
    }
}

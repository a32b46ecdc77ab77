package io.numicoin.support.httpclient;

import io.numicoin.support.httpclient.ServiceCallException.Reason;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP with JSON to one other service (the node, the mempool, the pool...): every call with a
 * deadline, every answer read up to a bound (a larger one is refused unread), an error status turned
 * into a {@link ServiceCallException} carrying the service's problem document. GETs are retried on
 * transient failures (no connection, timeout, 5xx) with a doubling backoff; POSTs are sent once (a
 * submission is not repeated blindly). Made with {@link #to(String, URI)}.
 */
public final class JsonHttpClient {

    /** An error answer's problem document is read up to this many bytes. */
    private static final int MAX_PROBLEM_BYTES = 64 * 1024;

    private final String service;
    private final String base;
    private final HttpClient client;
    private final Duration timeout;
    private final int getAttempts;
    private final Duration retryBackoff;
    private final int maxAnswerBytes;
    private final String authorization;
    private final JsonMapper json = JsonMapper.builder().build();

    private JsonHttpClient(Builder settings) {
        this.service = settings.service;
        String text = settings.base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.timeout = settings.timeout;
        this.getAttempts = settings.getAttempts;
        this.retryBackoff = settings.retryBackoff;
        this.maxAnswerBytes = settings.maxAnswerBytes;
        this.authorization = settings.bearerToken == null ? null : "Bearer " + settings.bearerToken;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A client of {@code service} (named in every error message) at {@code base}. */
    public static Builder to(String service, URI base) {
        return new Builder(service, base);
    }

    public URI base() {
        return URI.create(base);
    }

    public Duration timeout() {
        return timeout;
    }

    /** GET {@code pathAndQuery}: the answer's bytes (at most {@code maxBytes}), empty on 404. */
    public Optional<byte[]> find(String pathAndQuery, String accept, int maxBytes) {
        return getWithRetries(pathAndQuery, accept, maxBytes, true);
    }

    /** GET {@code pathAndQuery}: the answer's JSON (at most the client's answer bound), empty on 404. */
    public Optional<JsonNode> findJson(String pathAndQuery) {
        return find(pathAndQuery, "application/json", maxAnswerBytes).map(body -> json(body, pathAndQuery));
    }

    /** GET {@code pathAndQuery}: the answer's JSON; a 404 is an {@link Reason#HTTP_ERROR} like any error status. */
    public JsonNode getJson(String pathAndQuery) {
        return json(getWithRetries(pathAndQuery, "application/json", maxAnswerBytes, false).orElseThrow(), pathAndQuery);
    }

    /** POST {@code body} once, with its own deadline: the answer's bytes (at most {@code maxBytes}). */
    public byte[] post(String path, String contentType, byte[] body, Duration deadline, int maxBytes) {
        HttpRequest request = request(path, deadline).header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return once(request, maxBytes, false).orElseThrow();
    }

    /** POST {@code value} written as JSON, once, with its own deadline: the answer's JSON. */
    public JsonNode postJson(String path, Object value, Duration deadline) {
        byte[] body = value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : jsonBytes(value);
        return json(post(path, "application/json", body, deadline, maxAnswerBytes), path);
    }

    /** {@code body} read as JSON; a {@link Reason#BAD_RESPONSE} naming {@code what} when it is not. */
    public JsonNode json(byte[] body, String what) {
        try {
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException e) {
            throw bad(what + ": the answer is not JSON", e);
        }
    }

    public byte[] jsonBytes(Object value) {
        return json.writeValueAsBytes(value);
    }

    /** An answer that does not fit what was asked. */
    public ServiceCallException bad(String message, Throwable cause) {
        return new ServiceCallException(Reason.BAD_RESPONSE, service + " at " + base + ": " + message, cause);
    }

    private Optional<byte[]> getWithRetries(String pathAndQuery, String accept, int maxBytes, boolean notFoundIsEmpty) {
        HttpRequest request = request(pathAndQuery, timeout).header("Accept", accept).GET().build();
        long delay = retryBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(request, maxBytes, notFoundIsEmpty);
            } catch (ServiceCallException e) {
                if (attempt >= getAttempts || !e.transientFailure()) {
                    throw e;
                }
                pause(delay);
                delay *= 2;
            }
        }
    }

    private HttpRequest.Builder request(String pathAndQuery, Duration deadline) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(deadline);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private Optional<byte[]> once(HttpRequest request, int maxBytes, boolean notFoundIsEmpty) {
        String where = service + " " + request.method() + " " + request.uri();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new ServiceCallException(Reason.TIMEOUT, where + ": no connection within " + timeout, e);
        } catch (HttpTimeoutException e) {
            throw new ServiceCallException(Reason.TIMEOUT, where + ": no answer within the deadline", e);
        } catch (ConnectException e) {
            throw new ServiceCallException(Reason.UNREACHABLE, where + ": unreachable (connection refused)", e);
        } catch (IOException e) {
            throw new ServiceCallException(Reason.UNREACHABLE, where + ": unreachable (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException(Reason.UNREACHABLE, where + ": interrupted", e);
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
        throw new ServiceCallException(problem, where + ": " + status + " " + problem.rule()
                + (problem.detail().isEmpty() ? "" : " " + problem.detail()));
    }

    /** The answer's bytes, at most {@code maxBytes}: a larger answer is refused after reading one byte past the bound. */
    private static byte[] read(InputStream in, int maxBytes, String where) {
        try (in) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new ServiceCallException(Reason.BAD_RESPONSE, where + ": the answer is over " + maxBytes + " bytes", null);
            }
            return body;
        } catch (IOException e) {
            throw new ServiceCallException(Reason.UNREACHABLE, where + ": the answer broke off: " + e, e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException(Reason.UNREACHABLE, "interrupted between retries", e);
        }
    }

    /** The client's settings; each has a default but the service and its address. */
    public static final class Builder {

        private final String service;
        private final URI base;
        private Duration timeout = Duration.ofSeconds(5);
        private int getAttempts = 1;
        private Duration retryBackoff = Duration.ofMillis(100);
        private int maxAnswerBytes = 1 << 20;
        private String bearerToken;

        private Builder(String service, URI base) {
            this.service = Objects.requireNonNull(service, "service");
            this.base = Objects.requireNonNull(base, "base");
        }

        /** The connection timeout and each GET's deadline (5 s). */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /** Tries of a GET in all (1: no retry), {@code backoff} before the second, doubling after. */
        public Builder retries(int attempts, Duration backoff) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
            }
            this.getAttempts = attempts;
            this.retryBackoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** The largest JSON answer read by {@link #getJson}, {@link #findJson} and {@link #postJson} (1 MiB). */
        public Builder maxAnswerBytes(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAnswerBytes must be positive, got " + value);
            }
            this.maxAnswerBytes = value;
            return this;
        }

        /** Sent as {@code Authorization: Bearer <token>} on every call; null for none. */
        public Builder bearerToken(String value) {
            this.bearerToken = value;
            return this;
        }

        public JsonHttpClient build() {
            return new JsonHttpClient(this);
        }
    }
}

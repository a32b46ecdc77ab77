package io.numicoin.support.mempool;

import io.numicoin.support.problem.Problem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mempool's submit call, {@code POST /api/v1/mempool/transactions} with the raw bytes, for the
 * services that ask it for a verdict (the node's {@code POST /api/v1/transactions}). A 2xx or 4xx
 * answer is a {@link MempoolVerdict}; anything else (no connection, the deadline, a 5xx such as
 * {@code ACCOUNT_UNAVAILABLE}, a body that is not the documented JSON) fails the future with
 * {@link MempoolUnavailableException}. Answers are read up to {@link #MAX_ANSWER_BYTES}: a longer one is
 * cut off there by the JDK's own limiting body handler, never held whole, and is no verdict.
 */
public final class MempoolSubmitClient {

    static final int MAX_ANSWER_BYTES = 64 * 1024;
    static final String PATH = "/api/v1/mempool/transactions";
    /** The JDK's own bounded reader: an answer past the bound fails "body exceeds capacity". */
    private static final HttpResponse.BodyHandler<String> BOUNDED_ANSWER =
            HttpResponse.BodyHandlers.limiting(HttpResponse.BodyHandlers.ofString(), MAX_ANSWER_BYTES);

    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    public MempoolSubmitClient(URI base, Duration timeout) {
        this.endpoint = base.resolve(PATH);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    public CompletableFuture<MempoolVerdict> submit(byte[] encoded) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/octet-stream").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(encoded)).build();
        return client.sendAsync(request, BOUNDED_ANSWER)
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                        throw new MempoolUnavailableException("the mempool at " + endpoint + " gave no usable answer: " + cause, cause);
                    }
                    return verdict(response.statusCode(), response.body());
                });
    }

    MempoolVerdict verdict(int status, String body) {
        if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
            throw unavailable("answered " + status + " " + abbreviate(body), null);
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw unavailable("answered " + status + ", not JSON", e);
        }
        String txid = node.path("txid").asString("");
        if (status >= 400) {
            return new MempoolVerdict(MempoolVerdict.Outcome.INVALID, txid, Optional.empty(), Optional.of(Problem.read(status, node)));
        }
        MempoolVerdict.Outcome outcome;
        try {
            outcome = MempoolVerdict.Outcome.valueOf(node.path("outcome").asString(""));
        } catch (IllegalArgumentException e) {
            throw unavailable("answered " + status + " without a known outcome", e);
        }
        if (outcome == MempoolVerdict.Outcome.INVALID) {
            throw unavailable("answered " + status + " with outcome INVALID", null);
        }
        String replaced = node.path("replaced").asString("");
        return new MempoolVerdict(outcome, txid, replaced.isEmpty() ? Optional.empty() : Optional.of(replaced), Optional.empty());
    }

    private MempoolUnavailableException unavailable(String what, Throwable cause) {
        return new MempoolUnavailableException("the mempool at " + endpoint + " " + what, cause);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}

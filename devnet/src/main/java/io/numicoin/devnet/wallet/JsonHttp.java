package io.numicoin.devnet.wallet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to one service of the devnet, with a timeout on every call and a bound on the
 * answer's size; a non-2xx answer becomes an {@link IOException} naming the problem's rule.
 */
final class JsonHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ANSWER = 1 << 20;

    private final String service;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    JsonHttp(String service, URI base) {
        this.service = service;
        this.base = base;
    }

    JsonNode get(String path) throws IOException {
        return parse(send(HttpRequest.newBuilder(base.resolve(path)).GET()), "GET " + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException("the " + service + " at " + base + " does not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    JsonNode parse(HttpResponse<String> response, String what) throws IOException {
        String body = response.body();
        if (body.length() > MAX_ANSWER) {
            throw new IOException(what + ": answer larger than " + MAX_ANSWER + " characters");
        }
        JsonNode node;
        try {
            node = body.isEmpty() ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException e) {
            throw new IOException(what + ": " + response.statusCode() + ", not JSON: " + body, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(what + ": " + response.statusCode() + " " + node.path("rule").asString("")
                    + " " + node.path("detail").asString(""));
        }
        return node;
    }
}

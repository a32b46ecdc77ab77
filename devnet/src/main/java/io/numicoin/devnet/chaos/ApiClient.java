package io.numicoin.devnet.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The checker's reads: {@code GET} of a JSON document (bounded), empty on 404, an {@link IOException} otherwise. */
final class ApiClient {

    private static final int MAX_ANSWER = 4 << 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    Optional<JsonNode> get(URI uri) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200 || response.body().length() > MAX_ANSWER) {
            throw new IOException("GET " + uri + ": " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
        try {
            return Optional.of(json.readTree(response.body()));
        } catch (JacksonException e) {
            throw new IOException("GET " + uri + ": not JSON", e);
        }
    }

    JsonNode require(URI uri) throws IOException {
        return get(uri).orElseThrow(() -> new IOException("GET " + uri + ": 404"));
    }
}

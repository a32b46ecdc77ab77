package io.numicoin.deploy.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GETs of JSON from a published port of the stack: the body of a 200, empty for a 404. */
final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;

    Api(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    Optional<JsonNode> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + base.resolve(path) + " answered " + response.statusCode() + ": " + Command.tail(response.body(), 500));
        }
        return Optional.of(JSON.readTree(response.body()));
    }
}

package io.numicoin.devnet.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posts an encoded transfer ({@code {"hex": …}}) to an entry point and reads the answer into an {@link Answer}. */
public final class Submitter {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_ANSWER = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public Answer submit(EntryPoint entry, byte[] encoded) {
        String body = "{\"hex\":\"" + HexFormat.of().formatHex(encoded) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(entry.submitUrl()).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.noAnswer("interrupted");
        } catch (IOException e) {
            return Answer.noAnswer(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        JsonNode answer = parse(response.body());
        String outcome = answer.path("outcome").asString("");
        if (outcome.isEmpty()) {
            outcome = answer.path("status").asString("");
        }
        String error = response.statusCode() / 100 == 2 ? "" : answer.path("detail").asString(abbreviate(response.body()));
        return new Answer(response.statusCode(), outcome, answer.path("rule").asString(""), error);
    }

    private JsonNode parse(String body) {
        if (body.isEmpty() || body.length() > MAX_ANSWER) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            return node.isObject() ? node : json.createObjectNode();
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}

package io.numicoin.devnet.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A node's admin operations ({@code POST /admin/<operation>} on its management port, with the
 * devnet's admin token from its file), e.g. {@code network-off} and {@code network-on}.
 */
final class NodeAdmin {

    private static final String TOKEN_HEADER = "X-Numi-Admin-Token";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Path tokenFile;

    NodeAdmin(Path tokenFile) {
        this.tokenFile = tokenFile;
    }

    /** Runs {@code operation} on the node whose management port is {@code managementPort}; its JSON answer. */
    String run(int managementPort, String operation) throws IOException {
        String token = Files.readAllLines(tokenFile, StandardCharsets.UTF_8).getFirst().strip();
        URI uri = URI.create("http://127.0.0.1:" + managementPort + "/admin/" + operation);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header(TOKEN_HEADER, token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("POST " + uri + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}

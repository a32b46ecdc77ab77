package io.numicoin.devnet.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Small HTTP GETs against the services on 127.0.0.1, each with a short deadline. */
public final class HttpProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_BODY = 1 << 20;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Whether {@code url} answers 200 (a readiness probe: UP). */
    public boolean ok(URI url) {
        return get(url).isPresent();
    }

    /** The body of a 200 answer, or empty when the service does not answer or answers otherwise. */
    public Optional<String> get(URI url) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().length() > MAX_BODY) {
                return Optional.empty();
            }
            return Optional.of(response.body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

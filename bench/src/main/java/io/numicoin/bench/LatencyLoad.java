package io.numicoin.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@code clients} concurrent clients (virtual threads, one HTTP/1.1 connection each in the shared
 * client's pool), each sending its next request as soon as the previous answer is read, for
 * {@code duration}; every answer must be 200. Returns each request's latency in nanoseconds.
 */
final class LatencyLoad {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The latencies of every request answered within {@code duration}; {@code path} picks each request's URI. */
    long[] run(int clients, Duration duration, Function<SplittableRandom, URI> path, long seed) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            long[][] samples = {new long[1024]};
            SplittableRandom random = new SplittableRandom(seed * 1_000 + c);
            threads.add(Thread.ofVirtual().start(() -> {
                int n = 0;
                while (System.nanoTime() < deadline) {
                    HttpRequest request = HttpRequest.newBuilder(path.apply(random)).timeout(Duration.ofSeconds(30)).GET().build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                            continue;
                        }
                        if (n == samples[0].length) {
                            samples[0] = Arrays.copyOf(samples[0], n * 2);
                        }
                        samples[0][n++] = took;
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(samples[0], n));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed or were not answered 200");
        }
        return perClient.stream().flatMapToLong(Arrays::stream).toArray();
    }
}

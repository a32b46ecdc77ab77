package io.numicoin.explorer.web.live;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the live streams held open: {@code max} at once in all, {@code perClient} per client address.
 * A stream holds a {@link Ticket} from its start to its end.
 */
public final class LiveStreams {

    /** Why a stream was refused: the service serves its maximum, or this client holds its own. */
    public enum Refusal { FULL, CLIENT_FULL }

    private final int max;
    private final int perClient;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byClient = new ConcurrentHashMap<>();

    public LiveStreams(int max, int perClient) {
        this.max = max;
        this.perClient = perClient;
    }

    /** A ticket, or why not (the caller answers 503 or 429). */
    public Result open(String client) {
        int now;
        do {
            now = open.get();
            if (now >= max) {
                return new Result(Optional.empty(), Refusal.FULL);
            }
        } while (!open.compareAndSet(now, now + 1));  // never above max, not even for a moment
        boolean[] taken = {false};
        byClient.compute(client, (k, held) -> {
            int n = held == null ? 0 : held;
            if (n >= perClient) {
                return held;
            }
            taken[0] = true;
            return n + 1;
        });
        if (!taken[0]) {
            open.decrementAndGet();
            return new Result(Optional.empty(), Refusal.CLIENT_FULL);
        }
        return new Result(Optional.of(new Ticket(client)), null);
    }

    /** Streams open now. */
    public int open() {
        return open.get();
    }

    /** Streams {@code client} holds now. */
    public int heldBy(String client) {
        return byClient.getOrDefault(client, 0);
    }

    /** A ticket or a refusal. */
    public record Result(Optional<Ticket> ticket, Refusal refusal) {
    }

    /** One open stream's place; closing it twice frees it once. */
    public final class Ticket implements AutoCloseable {
        private final String client;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Ticket(String client) {
            this.client = client;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                byClient.computeIfPresent(client, (k, held) -> held <= 1 ? null : held - 1);
                open.decrementAndGet();
            }
        }
    }
}

package io.numicoin.gateway.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Checks a presented key against the store, remembering stored keys for {@code ttl} while the
 * revocation listener is connected (a revocation evicts its key at once, on every replica); while
 * it is not, every check reads the database, so a revoked key is never served from memory.
 */
public final class ApiKeyVerifier {

    private final ApiKeyStore store;
    private final Scheduler jdbc;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final BooleanSupplier cacheTrusted;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public ApiKeyVerifier(ApiKeyStore store, Scheduler jdbc, Duration ttl, int maxEntries, Clock clock,
            BooleanSupplier cacheTrusted) {
        this.store = store;
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.cacheTrusted = cacheTrusted;
    }

    public Mono<KeyCheck> check(ApiKeyToken token) {
        Instant now = clock.instant();
        Entry cached = cacheTrusted.getAsBoolean() ? cache.get(token.id()) : null;
        Mono<Optional<ApiKeyStore.Stored>> stored = cached != null && cached.expires().isAfter(now)
                ? Mono.just(cached.stored())
                : Mono.fromCallable(() -> store.find(token.id())).subscribeOn(jdbc).doOnNext(found -> remember(token.id(), found, now));
        return stored.map(found -> {
            if (found.isEmpty() || !token.matches(found.get().secretHash())) {
                return KeyCheck.of(KeyCheck.Outcome.UNKNOWN);
            }
            return found.get().key().revoked() ? KeyCheck.of(KeyCheck.Outcome.REVOKED) : KeyCheck.valid(found.get().key());
        });
    }

    /**
     * The stored key {@code token} presents, when it is remembered, matches and is not revoked:
     * answered from memory only (empty when the database would have to be asked, or the key is refused).
     */
    public Optional<ApiKey> rememberedValid(ApiKeyToken token) {
        Entry entry = cacheTrusted.getAsBoolean() ? cache.get(token.id()) : null;
        if (entry == null || !entry.expires().isAfter(clock.instant()) || entry.stored().isEmpty()) {
            return Optional.empty();
        }
        ApiKeyStore.Stored stored = entry.stored().get();
        return token.matches(stored.secretHash()) && !stored.key().revoked() ? Optional.of(stored.key()) : Optional.empty();
    }

    /** Whether key {@code id} would be answered from memory (no database lookup). */
    public boolean cached(String id) {
        Entry entry = cacheTrusted.getAsBoolean() ? cache.get(id) : null;
        return entry != null && entry.expires().isAfter(clock.instant());
    }

    /** Forgets key {@code id} (it changed). */
    public void evict(String id) {
        cache.remove(id);
    }

    /** Forgets every key (notifications may have been missed). */
    public void clear() {
        cache.clear();
    }

    private void remember(String id, Optional<ApiKeyStore.Stored> found, Instant now) {
        if (!cacheTrusted.getAsBoolean()) {
            return;
        }
        if (cache.size() >= maxEntries) {
            cache.clear();
        }
        cache.put(id, new Entry(found, now.plus(ttl)));
    }

    private record Entry(Optional<ApiKeyStore.Stored> stored, Instant expires) {
    }
}

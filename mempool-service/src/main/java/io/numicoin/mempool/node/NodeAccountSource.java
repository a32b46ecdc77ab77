package io.numicoin.mempool.node;

import io.numicoin.mempool.pool.AccountSource;
import io.numicoin.mempool.pool.AccountState;
import io.numicoin.mempool.pool.AccountUnavailableException;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.money.Amount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account state from the event-source node's API ({@code GET /api/v1/accounts/{address}?limit=1}):
 * the mempool owns no copy of the chain state and never reads the node's tables. Answers are cached
 * until the tip changes ({@link #tipChanged()}, called on every chain event), so a burst of one
 * sender's transactions costs one request per tip; an answer fetched while the tip changed is
 * returned but not cached, so it cannot put a stale nonce back. Each request has a timeout; a failure is an
 * {@link AccountUnavailableException}, never a guess. The node applies a block before it publishes
 * the event, so after a chain event its answers are at least as new as the pool's tip.
 */
public final class NodeAccountSource implements AccountSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String baseUrl;
    private final AddressHrp hrp;
    private final Duration timeout;
    private final int cacheSize;
    private final Map<Address, AccountState> cache = new ConcurrentHashMap<>();
    private final AtomicLong tips = new AtomicLong();  // tip changes seen: an answer fetched across one is not cached

    public NodeAccountSource(String baseUrl, AddressHrp hrp, Duration timeout, int cacheSize) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.hrp = hrp;
        this.timeout = timeout;
        this.cacheSize = cacheSize;
    }

    @Override
    public AccountState account(Address address) {
        AccountState cached = cache.get(address);
        if (cached != null) {
            return cached;
        }
        long tipBefore = tips.get();
        AccountState fresh = fetch(address);
        synchronized (cache) {
            // An answer asked for before a tip change may predate it: give it to this caller, cache it never.
            if (tips.get() == tipBefore) {
                if (cache.size() >= cacheSize) {
                    cache.clear();
                }
                cache.put(address, fresh);
            }
        }
        return fresh;
    }

    @Override
    public void tipChanged() {
        synchronized (cache) {
            tips.incrementAndGet();
            cache.clear();
        }
    }

    /** The node's tip: id (hex) and height, from {@code GET /api/v1/chain}. */
    public JsonNode chain() {
        return get("/api/v1/chain", "chain");
    }

    private AccountState fetch(Address address) {
        String text = AddressFormat.encode(address, hrp);
        JsonNode body = get("/api/v1/accounts/" + text + "?limit=1", text);
        if (body == null) {
            return AccountState.EMPTY;
        }
        return new AccountState(Amount.ofUnits(body.path("balance").path("units").asLong()), body.path("nonce").asLong());
    }

    private JsonNode get(String path, String what) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new AccountUnavailableException("node answered " + response.statusCode() + " for " + what, null);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AccountUnavailableException("node unreachable for " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccountUnavailableException("interrupted reading " + what, e);
        } catch (RuntimeException e) {
            if (e instanceof AccountUnavailableException unavailable) {
                throw unavailable;
            }
            throw new AccountUnavailableException("unreadable answer for " + what + ": " + e, e);
        }
    }
}

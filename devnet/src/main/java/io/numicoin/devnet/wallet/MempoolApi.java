package io.numicoin.devnet.wallet;

import io.numicoin.support.httpclient.JsonHttpClient;
import io.numicoin.support.httpclient.ServiceCallException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * The mempool API calls the wallet makes ({@code docs/mempool-api.md}), each with a deadline and
 * answers read up to a bound; a failure is an {@link IOException} naming the mempool and the
 * problem's rule.
 */
public final class MempoolApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final JsonHttpClient http;

    public MempoolApi(URI base) {
        this.http = JsonHttpClient.to("mempool", base).timeout(TIMEOUT).build();
    }

    /**
     * {@code GET /api/v1/mempool/accounts/{address}}: the nonce that follows the sender's pending
     * transactions, empty when none are pending (then the chain's nonce + 1 is next).
     */
    public OptionalLong nextNonce(String address) throws IOException {
        JsonNode next;
        try {
            next = http.getJson("/api/v1/mempool/accounts/" + address).path("nextNonce");
        } catch (ServiceCallException e) {
            throw new IOException(e.getMessage(), e);
        }
        return next.isNumber() ? OptionalLong.of(next.asLong()) : OptionalLong.empty();
    }

    /**
     * {@code GET /api/v1/mempool/transactions/{txid}}: pending, removed recently (and why), or unknown to
     * the pool.
     */
    public MempoolTxState state(String txid) throws IOException {
        try {
            http.getJson("/api/v1/mempool/transactions/" + txid);
            return new MempoolTxState.Pending();
        } catch (ServiceCallException e) {
            if (e.status() == 404) {
                return MempoolTxState.notPending(e.problem().orElseThrow());
            }
            throw new IOException(e.getMessage(), e);
        }
    }
}

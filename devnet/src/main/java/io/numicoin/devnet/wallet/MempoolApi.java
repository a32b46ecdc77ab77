package io.numicoin.devnet.wallet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/** The mempool API call the wallet makes ({@code docs/mempool-api.md}). */
public final class MempoolApi {

    private final URI base;
    private final JsonHttp http;

    public MempoolApi(URI base) {
        this.base = base;
        this.http = new JsonHttp("mempool", base);
    }

    /**
     * {@code GET /api/v1/mempool/accounts/{address}}: the nonce that follows the sender's pending
     * transactions, empty when none are pending (then the chain's nonce + 1 is next).
     */
    public OptionalLong nextNonce(String address) throws IOException {
        JsonNode body = http.get("/api/v1/mempool/accounts/" + address);
        JsonNode next = body.path("nextNonce");
        return next.isNumber() ? OptionalLong.of(next.asLong()) : OptionalLong.empty();
    }

    /** {@code GET /api/v1/mempool/transactions/{txid}}: whether the pool holds the transaction now. */
    public boolean holds(String txid) throws IOException {
        String path = "/api/v1/mempool/transactions/" + txid;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).GET());
        if (response.statusCode() == 404) {
            return false;
        }
        http.parse(response, "GET " + path);
        return true;
    }
}

package io.numicoin.pool.payout;

import io.numicoin.miner.upstream.HttpJson;
import io.numicoin.miner.upstream.UpstreamException;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.TransferTx;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The node calls payouts need (docs/api.md), over the miner's {@link HttpJson}: an account's nonce
 * and balance, whether a transaction is in a block, and submitting a signed transfer.
 */
public final class PayoutNode {

    /** An account after the tip: spendable balance, nonce, tip height. */
    public record AccountState(long balance, long nonce, long tipHeight) {
    }

    /** The node's verdict on a transfer. */
    public record Verdict(boolean accepted, String rule, String detail) {
    }

    private final HttpJson http;

    public PayoutNode(HttpJson http) {
        this.http = http;
    }

    public AccountState account(String address) {
        try {
            JsonNode body = http.get("/api/v1/accounts/" + address + "?limit=1");
            return new AccountState(body.path("balance").path("units").asLong(), body.path("nonce").asLong(),
                    body.path("tipHeight").asLong());
        } catch (UpstreamException e) {
            if (e.status() == 404) {
                return new AccountState(0, 0, -1);
            }
            throw e;
        }
    }

    /** The id of the block holding {@code txid} on the active chain, if it is in one. */
    public Optional<String> blockOf(Hash256 txid) {
        try {
            String block = http.get("/api/v1/transactions/" + txid.toHex()).path("blockId").asString("");
            return block.isEmpty() ? Optional.empty() : Optional.of(block);
        } catch (UpstreamException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Verdict submit(TransferTx transfer) {
        String body = "{\"hex\":" + http.quote(Bytes.of(TransactionCodec.encode(transfer)).toHex()) + "}";
        try {
            http.post("/api/v1/transactions", body, Duration.ofSeconds(30));
            return new Verdict(true, "", "");
        } catch (UpstreamException e) {
            if (e.reason() == UpstreamException.Reason.HTTP_ERROR && e.status() >= 400 && e.status() < 500) {
                return new Verdict(false, e.rule(), e.getMessage());
            }
            throw e;
        }
    }
}

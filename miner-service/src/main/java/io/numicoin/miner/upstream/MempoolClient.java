package io.numicoin.miner.upstream;

import io.numicoin.miner.assembly.BlockTemplate;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.support.httpclient.JsonHttpClient;
import io.numicoin.support.httpclient.ServiceCallException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The mempool service's {@code GET /api/v1/template} (docs/mempool-api.md), read up to
 * {@link #MAX_ANSWER_BYTES}.
 */
public final class MempoolClient {

    /**
     * The largest template answer read: a full block ({@link ProtocolLimits#MAX_BLOCK_BYTES}) hex-encoded,
     * with room for its JSON fields. The client given should read at least this much.
     */
    public static final int MAX_ANSWER_BYTES = 4 * ProtocolLimits.MAX_BLOCK_BYTES;

    private final JsonHttpClient http;

    public MempoolClient(JsonHttpClient http) {
        this.http = http;
    }

    /** The best transfers for the next block within the limits, decoded; fees are recomputed from them. */
    public BlockTemplate template(int maxBytes, int maxTransactions) {
        JsonNode body;
        try {
            body = http.getJson("/api/v1/template?maxBytes=" + maxBytes + "&maxTransactions=" + maxTransactions);
        } catch (ServiceCallException e) {
            throw UpstreamException.from(e);
        }
        Hash256 tipId;
        try {
            tipId = Hash256.fromHex(body.path("tipId").asString(""));
        } catch (IllegalArgumentException e) {
            throw bad("tipId is not a 64-digit hex hash", e);
        }
        List<TransferTx> transfers = new ArrayList<>();
        for (JsonNode entry : body.path("transactions")) {
            try {
                Transaction tx = TransactionCodec.decode(Bytes.fromHex(entry.path("hex").asString("")).toArray());
                if (!(tx instanceof TransferTx transfer)) {
                    throw bad("template transaction " + transfers.size() + " is a coinbase", null);
                }
                transfers.add(transfer);
            } catch (DecodeException | IllegalArgumentException e) {
                throw bad("template transaction " + transfers.size() + " does not decode: " + e.getMessage(), e);
            }
        }
        return new BlockTemplate(tipId, body.path("tipHeight").asLong(), transfers);
    }

    private static UpstreamException bad(String message, Throwable cause) {
        return new UpstreamException(UpstreamException.Reason.BAD_RESPONSE, 0, "mempool: " + message, cause);
    }
}

package io.numicoin.support.node;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.support.httpclient.JsonHttpClient;
import io.numicoin.support.httpclient.ServiceCallException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The node's REST API (docs/api.md) as its callers use it — the explorer, the miner, the mempool and
 * the devnet's wallet — with typed answers. Every call has a deadline and every answer a bound (a
 * block's hex twice the protocol's block limit plus slack; JSON {@link #MAX_JSON_BYTES}); blocks and
 * headers are decoded with the protocol's codecs. Failures are {@link NodeApiException}s: an error
 * status carries the node's problem document. GETs are retried on transient failures as configured;
 * POSTs are sent once (a block or a transfer is not repeated blindly). Thread-safe.
 */
public final class NodeApiClient {

    /** The largest JSON answer read (a page of 2,000 headers is about 0.5 MB). */
    public static final int MAX_JSON_BYTES = 1 << 20;
    static final int MAX_BLOCK_HEX_BYTES = 2 * (ProtocolLimits.MAX_BLOCK_BYTES + 64 * 1024);
    private static final Pattern TXID = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,19}-[0-9]{1,5}");

    private final URI base;
    private final JsonHttpClient http;

    /** A client whose calls are tried once, without the mining token. */
    public NodeApiClient(URI base, Duration timeout) {
        this(base, timeout, 1, Duration.ZERO, null);
    }

    /**
     * @param getAttempts  tries of a GET that failed transiently (at least 1)
     * @param retryBackoff the pause before the second try, doubling after
     * @param miningToken  sent as {@code Authorization: Bearer} (the node's mining token, for block
     *                     submissions and proposals); null for none
     */
    public NodeApiClient(URI base, Duration timeout, int getAttempts, Duration retryBackoff, String miningToken) {
        this.base = base;
        this.http = JsonHttpClient.to("node", base).timeout(timeout).retries(getAttempts, retryBackoff)
                .bearerToken(miningToken).maxAnswerBytes(MAX_JSON_BYTES).build();
    }

    public URI base() {
        return base;
    }

    /** {@code GET /api/v1/chain}: the node's network and tip. */
    public NodeChainTip chain() {
        JsonNode body = getJson("/api/v1/chain").orElseThrow(() -> bad("no /api/v1/chain (404)", null));
        try {
            return new NodeChainTip(Network.fromId(body.path("network").asString("")), hash(body, "tipId"),
                    body.path("height").asLong(-1), new BigInteger(body.path("cumulativeWork").asString("0")));
        } catch (IllegalArgumentException e) {
            throw bad("unreadable /api/v1/chain answer: " + e.getMessage(), e);
        }
    }

    /** {@code GET /api/v1/blocks/height/{h}?format=hex}: the active-chain block at {@code height}; empty above the tip. */
    public Optional<Block> blockAt(long height) {
        Optional<byte[]> hex = find("/api/v1/blocks/height/" + height + "?format=hex", "text/plain", MAX_BLOCK_HEX_BYTES);
        if (hex.isEmpty()) {
            return Optional.empty();
        }
        Block block;
        try {
            block = BlockCodec.decode(HexFormat.of().parseHex(new String(hex.get(), StandardCharsets.US_ASCII).strip()));
        } catch (DecodeException | IllegalArgumentException e) {
            throw bad("the block at height " + height + " does not decode: " + e.getMessage(), e);
        }
        if (block.height() != height) {
            throw bad("answered height " + block.height() + " for " + height, null);
        }
        return Optional.of(block);
    }

    /**
     * {@code GET /api/v1/blocks/height/{height}} (the JSON summary, not the block): how many
     * transactions, the coinbase too, the active chain's block at {@code height} has; empty when there
     * is none or its body is not stored yet.
     */
    public OptionalInt transactionCountAt(long height) {
        return getJson("/api/v1/blocks/height/" + height).map(body -> {
            JsonNode count = body.path("transactionCount");
            if (count.isMissingNode() || count.isNull()) {
                return OptionalInt.empty();
            }
            if (!count.isInt() || count.asInt() < 1) {
                throw bad("transactionCount of the block at " + height + " is not a positive count: " + count, null);
            }
            return OptionalInt.of(count.asInt());
        }).orElse(OptionalInt.empty());
    }

    /** {@code GET /api/v1/headers}: up to {@code count} (1..2,000) active-chain headers from height {@code from}, ascending. */
    public List<BlockHeader> headers(long from, int count) {
        JsonNode body = getJson("/api/v1/headers?from=" + from + "&count=" + count)
                .orElseThrow(() -> bad("no /api/v1/headers (404)", null));
        List<BlockHeader> headers = new ArrayList<>();
        for (JsonNode hex : body.path("headers")) {
            if (headers.size() == count) {
                throw bad("more than the " + count + " headers asked for", null);
            }
            try {
                BlockHeader header = BlockHeaderCodec.decode(HexFormat.of().parseHex(hex.asString("")));
                if (header.height() != from + headers.size()) {
                    throw bad("header at " + header.height() + " where " + (from + headers.size()) + " was due", null);
                }
                headers.add(header);
            } catch (DecodeException | IllegalArgumentException e) {
                throw bad("the header at " + (from + headers.size()) + " does not decode: " + e.getMessage(), e);
            }
        }
        return headers;
    }

    /**
     * {@code GET /api/v1/accounts/{address}?limit=&cursor=}: the account and a page ({@code limit}
     * 1..100) of its history, {@code cursor} empty for the first; empty if the node answers 404.
     */
    public Optional<NodeAccount> account(String address, int limit, String cursor) {
        if (!cursor.isEmpty() && !CURSOR.matcher(cursor).matches()) {
            throw new IllegalArgumentException("a history cursor looks like HEIGHT-POSITION, got '" + cursor + "'");
        }
        return getJson("/api/v1/accounts/" + address + "?limit=" + limit + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                .map(body -> {
                    List<NodeAccount.Entry> entries = new ArrayList<>();
                    for (JsonNode entry : body.path("transactions")) {
                        entries.add(new NodeAccount.Entry(entry.path("txid").asString(""), entry.path("height").asLong(-1),
                                entry.path("direction").asString("")));
                    }
                    return new NodeAccount(body.path("balance").path("units").asLong(0), body.path("immature").path("units").asLong(0),
                            body.path("nonce").asLong(0), body.path("tipHeight").asLong(-1), entries, body.path("nextCursor").asString(""));
                });
    }

    /** {@code GET /api/v1/transactions/{txid}}: empty if the node does not know it. */
    public Optional<NodeTransaction> transaction(String txid) {
        if (!TXID.matcher(txid).matches()) {
            throw new IllegalArgumentException("a txid is 64 hex digits, got '" + txid + "'");
        }
        return getJson("/api/v1/transactions/" + txid).map(body -> new NodeTransaction(txid, body.path("sender").asString(""),
                body.path("recipient").asString(""), body.path("amount").path("units").asLong(0),
                body.path("fee").path("units").asLong(0), body.path("blockId").asString(""), body.path("height").asLong(-1)));
    }

    /** {@code POST /api/v1/blocks} (needs the mining token): the node's import outcome; a refusal is a 422 {@link NodeApiException}. */
    public NodeBlockAnswer submitBlock(Block block, Duration deadline) {
        JsonNode answer = postHex("/api/v1/blocks", BlockCodec.encode(block), deadline);
        return new NodeBlockAnswer(hash(answer, "id"), answer.path("height").asLong(-1), answer.path("outcome").asString("UNKNOWN"),
                answer.path("reorgDepth").asInt(0));
    }

    /**
     * {@code POST /api/v1/blocks/proposal} (needs the mining token): the state commitment
     * {@code candidate}'s header must carry. 409 {@code STALE_TIP} when it no longer extends the
     * tip, 422 naming the rule it breaks: both {@link NodeApiException}s.
     */
    public Hash256 proposeCommitment(Block candidate, Duration deadline) {
        return hash(postHex("/api/v1/blocks/proposal", BlockCodec.encode(candidate), deadline), "stateCommitment");
    }

    /** {@code POST /api/v1/transactions}: the node's (and its mempool's) verdict; a refusal is a 4xx {@link NodeApiException}. */
    public NodeTransactionAnswer submitTransaction(byte[] encoded, Duration deadline) {
        JsonNode answer = postHex("/api/v1/transactions", encoded, deadline);
        return new NodeTransactionAnswer(answer.path("txid").asString(""), answer.path("status").asString(""),
                answer.path("outcome").asString(""), answer.path("replaced").asString(""));
    }

    private Optional<JsonNode> getJson(String pathAndQuery) {
        try {
            return http.findJson(pathAndQuery);
        } catch (ServiceCallException e) {
            throw new NodeApiException(e);
        }
    }

    private Optional<byte[]> find(String pathAndQuery, String accept, int maxBytes) {
        try {
            return http.find(pathAndQuery, accept, maxBytes);
        } catch (ServiceCallException e) {
            throw new NodeApiException(e);
        }
    }

    private JsonNode postHex(String path, byte[] payload, Duration deadline) {
        try {
            return http.postJson(path, Map.of("hex", HexFormat.of().formatHex(payload)), deadline);
        } catch (ServiceCallException e) {
            throw new NodeApiException(e);
        }
    }

    private NodeApiException bad(String message, Throwable cause) {
        return new NodeApiException(http.bad(message, cause));
    }

    private Hash256 hash(JsonNode body, String field) {
        try {
            return Hash256.fromHex(body.path(field).asString(""));
        } catch (IllegalArgumentException e) {
            throw bad("field " + field + " is not a 64-digit hex hash", e);
        }
    }
}

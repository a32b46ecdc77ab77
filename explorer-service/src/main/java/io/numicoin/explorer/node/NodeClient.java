package io.numicoin.explorer.node;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.tx.ProtocolLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's read API as the explorer needs it for a backfill or a resync (docs/api.md):
 * {@code GET /api/v1/chain} and {@code GET /api/v1/blocks/height/{h}?format=hex}. Answers are
 * bounded (a block's hex at most twice the protocol's block limit plus slack) and decoded with the
 * protocol's codec; every failure is a {@link NodeUnavailableException}.
 */
public final class NodeClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_CHAIN_BYTES = 64 * 1024;
    private static final int MAX_BLOCK_HEX_CHARS = 2 * (ProtocolLimits.MAX_BLOCK_BYTES + 64 * 1024);

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    public NodeClient(String baseUrl, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
    }

    public NodeChain chain() {
        byte[] body = get("/api/v1/chain", "application/json", MAX_CHAIN_BYTES)
                .orElseThrow(() -> new NodeUnavailableException("node has no /api/v1/chain", null));
        try {
            return JSON.readValue(body, NodeChain.class);
        } catch (RuntimeException e) {
            throw new NodeUnavailableException("unreadable /api/v1/chain answer: " + e.getMessage(), e);
        }
    }

    /** The node's active-chain block at {@code height}; empty above its tip. */
    public Optional<Block> blockAt(long height) {
        Optional<byte[]> hex = get("/api/v1/blocks/height/" + height + "?format=hex", "text/plain", MAX_BLOCK_HEX_CHARS);
        if (hex.isEmpty()) {
            return Optional.empty();
        }
        try {
            Block block = BlockCodec.decode(HexFormat.of().parseHex(new String(hex.get(), StandardCharsets.US_ASCII).strip()));
            if (block.height() != height) {
                throw new NodeUnavailableException("node answered height " + block.height() + " for " + height, null);
            }
            return Optional.of(block);
        } catch (DecodeException | IllegalArgumentException e) {
            throw new NodeUnavailableException("block at height " + height + " does not decode: " + e.getMessage(), e);
        }
    }

    private Optional<byte[]> get(String path, String accept, int maxBytes) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", accept).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new NodeUnavailableException("node answered " + response.statusCode() + " for " + path, null);
            }
            if (response.body().length > maxBytes) {
                throw new NodeUnavailableException("node's answer for " + path + " is over " + maxBytes + " bytes", null);
            }
            return Optional.of(response.body());
        } catch (IOException e) {
            throw new NodeUnavailableException("node unreachable for " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeUnavailableException("interrupted reading " + path, e);
        }
    }
}

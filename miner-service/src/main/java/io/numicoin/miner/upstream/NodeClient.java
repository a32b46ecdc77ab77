package io.numicoin.miner.upstream;

import io.numicoin.miner.assembly.TemplateRejectedException;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The node's HTTP API (docs/api.md) as far as the miner uses it. */
public final class NodeClient implements BlockSubmitter {

    /** The node's active tip. */
    public record ChainTip(Hash256 tipId, long height, String network) {
    }

    /** The node's answer to a block: an outcome (CONNECTED, SIDE_BRANCH, ...) or the rule it broke. */
    public record SubmitResult(boolean accepted, String outcomeOrRule, String detail) {
    }

    private final HttpJson http;
    private final AddressHrp hrp;
    private final Duration submitTimeout;

    public NodeClient(HttpJson http, AddressHrp hrp, Duration submitTimeout) {
        this.http = http;
        this.hrp = hrp;
        this.submitTimeout = submitTimeout;
    }

    public ChainTip chain() {
        JsonNode body = http.get("/api/v1/chain");
        return new ChainTip(hash(body, "tipId"), body.path("height").asLong(), body.path("network").asString(""));
    }

    /** Up to {@code count} active-chain headers from height {@code from}, ascending. */
    public List<BlockHeader> headers(long from, int count) {
        JsonNode body = http.get("/api/v1/headers?from=" + from + "&count=" + count);
        List<BlockHeader> headers = new ArrayList<>();
        for (JsonNode hex : body.path("headers")) {
            try {
                headers.add(BlockHeaderCodec.decode(Bytes.fromHex(hex.asString()).toArray()));
            } catch (DecodeException | IllegalArgumentException e) {
                throw bad("header at " + (from + headers.size()) + " does not decode: " + e.getMessage(), e);
            }
        }
        return headers;
    }

    /** The active-chain header at {@code height}. */
    public BlockHeader header(long height) {
        List<BlockHeader> one = headers(height, 1);
        if (one.isEmpty()) {
            throw new UpstreamException(UpstreamException.Reason.TIP_MOVED, "the node has no header at height " + height + " any more");
        }
        return one.getFirst();
    }

    /**
     * {@code POST /api/v1/blocks/proposal}: the state commitment {@code candidate}'s header must
     * carry. The node checks every body and state rule against its tip.
     *
     * @throws TemplateRejectedException when the candidate breaks a rule (422)
     * @throws UpstreamException with {@code TIP_MOVED} when the candidate no longer extends the tip (409)
     */
    public Hash256 proposeCommitment(Block candidate) {
        String body = "{\"hex\":" + http.quote(Bytes.of(BlockCodec.encode(candidate)).toHex()) + "}";
        try {
            return hash(http.post("/api/v1/blocks/proposal", body, submitTimeout), "stateCommitment");
        } catch (UpstreamException e) {
            if (e.reason() == UpstreamException.Reason.HTTP_ERROR && e.status() == 409) {
                throw new UpstreamException(UpstreamException.Reason.TIP_MOVED, 409, "node: " + e.getMessage(), e);
            }
            if (e.reason() == UpstreamException.Reason.HTTP_ERROR && e.status() == 422) {
                throw new TemplateRejectedException(e.rule(), e.getMessage());
            }
            throw e;
        }
    }

    /** {@code POST /api/v1/blocks}: 200 is accepted with its outcome; 422 a rejection with its rule. */
    @Override
    public SubmitResult submit(Block block) {
        String body = "{\"hex\":" + http.quote(Bytes.of(BlockCodec.encode(block)).toHex()) + "}";
        try {
            JsonNode answer = http.post("/api/v1/blocks", body, submitTimeout);
            return new SubmitResult(true, answer.path("outcome").asString("UNKNOWN"), "");
        } catch (UpstreamException e) {
            if (e.reason() == UpstreamException.Reason.HTTP_ERROR && e.status() >= 400 && e.status() < 500) {
                return new SubmitResult(false, e.rule().isEmpty() ? "HTTP_" + e.status() : e.rule(), e.getMessage());
            }
            throw e;
        }
    }

    private static Hash256 hash(JsonNode body, String field) {
        try {
            return Hash256.fromHex(body.path(field).asString(""));
        } catch (IllegalArgumentException e) {
            throw bad("field " + field + " is not a 64-digit hex hash", e);
        }
    }

    private static UpstreamException bad(String message, Throwable cause) {
        return new UpstreamException(UpstreamException.Reason.BAD_RESPONSE, 0, "node: " + message, cause);
    }
}

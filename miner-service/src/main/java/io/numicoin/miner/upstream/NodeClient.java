package io.numicoin.miner.upstream;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.protocol.state.MuHash3072;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The node's HTTP API (docs/api.md) as far as the miner uses it. */
public final class NodeClient implements BlockSubmitter {

    /** The node's active tip. */
    public record ChainTip(Hash256 tipId, long height, String network) {
    }

    /** An account after the node's tip at {@code tipHeight}. */
    public record AccountAt(Account account, long tipHeight) {
    }

    /** The state accumulator after the tip {@code tipId} (the proposed {@code /api/v1/chain/state-accumulator}). */
    public record StateAt(Hash256 tipId, long height, MuHash3072 accumulator) {
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

    public AccountAt account(Address address) {
        JsonNode body = http.get("/api/v1/accounts/" + AddressFormat.encode(address, hrp) + "?limit=1");
        Account account = new Account(Amount.ofUnits(body.path("balance").path("units").asLong()), body.path("nonce").asLong());
        return new AccountAt(account, body.path("tipHeight").asLong());
    }

    /**
     * The reward the active chain's coinbase at {@code height} pays (what the state holds as an
     * immature reward until it matures): empty for no such block or a zero payment.
     */
    public Optional<ImmatureReward> coinbaseReward(long height) {
        JsonNode block;
        try {
            block = http.get("/api/v1/blocks/height/" + height);
        } catch (UpstreamException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        String txid = block.path("txIds").path(0).asString("");
        if (txid.isEmpty()) {
            throw bad("block at height " + height + " lists no transactions", null);
        }
        JsonNode tx = http.get("/api/v1/transactions/" + txid);
        long units = tx.path("amount").path("units").asLong();
        if (units == 0) {
            return Optional.empty();
        }
        try {
            Address recipient = AddressFormat.decode(tx.path("recipient").asString(""), hrp);
            return Optional.of(new ImmatureReward(height, recipient, Amount.ofUnits(units)));
        } catch (AddressDecodeException e) {
            throw bad("coinbase " + txid + " has a bad recipient: " + e.getMessage(), e);
        }
    }

    /** {@code GET /api/v1/chain/state-accumulator} (proposed; see docs/miner.md). */
    public StateAt stateAccumulator() {
        JsonNode body = http.get("/api/v1/chain/state-accumulator");
        try {
            MuHash3072 accumulator = MuHash3072.fromFinalizedBytes(Bytes.fromHex(body.path("accumulator").asString("")).toArray());
            return new StateAt(hash(body, "tipId"), body.path("height").asLong(), accumulator);
        } catch (DecodeException | IllegalArgumentException e) {
            throw bad("state accumulator does not decode: " + e.getMessage(), e);
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

package io.numicoin.devnet.chaos;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads a node's active chain, block by block, through its API ({@code docs/api.md}). */
final class ChainReader {

    private final ApiClient api = new ApiClient();
    private final URI node;

    ChainReader(URI node) {
        this.node = node;
    }

    /** {@code GET /api/v1/chain}: the tip's id and height. */
    JsonNode chain() throws IOException {
        return api.require(node.resolve("/api/v1/chain"));
    }

    /** The tip block's state commitment. */
    String tipCommitment(String tipId) throws IOException {
        return api.require(node.resolve("/api/v1/blocks/" + tipId)).path("stateCommitment").asString("");
    }

    /** Every block of the active chain from height 1 to {@code tip}, with coinbase amounts and fees. */
    List<ChainBlock> blocks(long tip) throws IOException {
        List<ChainBlock> blocks = new ArrayList<>();
        for (long h = 1; h <= tip; h++) {
            JsonNode block = api.require(node.resolve("/api/v1/blocks/height/" + h));
            List<String> txIds = new ArrayList<>();
            block.path("txIds").forEach(t -> txIds.add(t.asString("")));
            long coinbase = 0;
            long fees = 0;
            for (int i = 0; i < txIds.size(); i++) {
                JsonNode tx = api.require(node.resolve("/api/v1/transactions/" + txIds.get(i)));
                if (i == 0) {
                    coinbase = tx.path("amount").path("units").asLong(0);
                } else {
                    fees += tx.path("fee").path("units").asLong(0);
                }
            }
            blocks.add(new ChainBlock(h, block.path("id").asString(""), block.path("stateCommitment").asString(""), txIds,
                    coinbase, fees));
        }
        return blocks;
    }

    /** Spendable balance + immature rewards, and the nonce, of an address. */
    long[] account(String address) throws IOException {
        JsonNode body = api.require(node.resolve("/api/v1/accounts/" + address + "?limit=1"));
        return new long[] {body.path("balance").path("units").asLong(0) + body.path("immature").path("units").asLong(0),
            body.path("nonce").asLong(0)};
    }
}

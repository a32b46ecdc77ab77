package io.numicoin.pool.stratum;

import io.numicoin.pool.work.CoinbaseParts;
import io.numicoin.pool.work.PoolJob;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON lines the server sends (docs/pool.md). */
final class StratumMessages {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private StratumMessages() {
    }

    static String result(JsonNode id, JsonNode result) {
        ObjectNode m = JSON.createObjectNode();
        m.set("id", id);
        m.set("result", result);
        m.putNull("error");
        return line(m);
    }

    /** An error as Stratum servers send it: {@code [code, message, null]}. */
    static String error(JsonNode id, int code, String message) {
        ObjectNode m = JSON.createObjectNode();
        m.set("id", id);
        m.putNull("result");
        ArrayNode error = m.putArray("error");
        error.add(code);
        error.add(message);
        error.addNull();
        return line(m);
    }

    static String subscribed(JsonNode id, String subscriptionId, String extranonce1) {
        ArrayNode result = JSON.createArrayNode();
        ArrayNode subs = result.addArray();
        subs.addArray().add("mining.set_difficulty").add(subscriptionId);
        subs.addArray().add("mining.notify").add(subscriptionId);
        result.add(extranonce1);
        result.add(CoinbaseParts.EXTRANONCE2_SIZE);
        return result(id, result);
    }

    static String setDifficulty(long difficulty) {
        ObjectNode m = notification("mining.set_difficulty");
        ((ArrayNode) m.get("params")).add(difficulty);
        return line(m);
    }

    /**
     * {@code mining.notify}: job id, previous block id, coinb1, coinb2, merkle branch, version,
     * nbits (compact target), ntime, clean — then NumiCoin's two extra header fields: height and
     * state commitment. Integers as big-endian hex of their header width.
     */
    static String notify(PoolJob job, boolean clean) {
        BlockHeader t = job.template();
        ObjectNode m = notification("mining.notify");
        ArrayNode p = (ArrayNode) m.get("params");
        p.add(job.id());
        p.add(t.previousId().toHex());
        p.add(job.coinbase().coinb1().toHex());
        p.add(job.coinbase().coinb2().toHex());
        ArrayNode branch = p.addArray();
        for (Hash256 h : job.branch().hashes()) {
            branch.add(h.toHex());
        }
        p.add(String.format("%08x", t.version()));
        p.add(String.format("%08x", t.target().bits()));
        p.add(String.format("%016x", t.timestamp()));
        p.add(clean);
        p.add(String.format("%016x", t.height()));
        p.add(t.stateCommitment().toHex());
        return line(m);
    }

    private static ObjectNode notification(String method) {
        ObjectNode m = JSON.createObjectNode();
        m.putNull("id");
        m.put("method", method);
        m.putArray("params");
        return m;
    }

    private static String line(ObjectNode m) {
        return JSON.writeValueAsString(m) + "\n";
    }
}

package io.numicoin.devnet.wallet;

import io.numicoin.protocol.params.Network;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few node API calls the wallet and the devnet launcher make ({@code docs/api.md}). */
public final class NodeApi {

    /** {@code GET /api/v1/chain}, the parts used here. */
    public record Chain(Network network, long height, String tipId) {
    }

    /** {@code GET /api/v1/accounts/{address}}: spendable balance, immature rewards (units), nonce. */
    public record AccountState(long balanceUnits, long immatureUnits, long nonce) {
    }

    private final URI base;
    private final JsonHttp http;
    private final JsonMapper json = JsonMapper.builder().build();

    public NodeApi(URI base) {
        this.base = base;
        this.http = new JsonHttp("node", base);
    }

    public URI base() {
        return base;
    }

    public Chain chain() throws IOException {
        JsonNode body = http.get("/api/v1/chain");
        return new Chain(Network.fromId(body.path("network").asString("")), body.path("height").asLong(-1),
                body.path("tipId").asString(""));
    }

    public AccountState account(String address) throws IOException {
        JsonNode body = http.get("/api/v1/accounts/" + address + "?limit=1");
        return new AccountState(body.path("balance").path("units").asLong(0), body.path("immature").path("units").asLong(0),
                body.path("nonce").asLong(0));
    }

    /** One entry of an account's history: the txid, where it is, and {@code SENT}, {@code RECEIVED}, {@code SELF} or {@code COINBASE}. */
    public record HistoryEntry(String txid, long height, String direction) {
    }

    /** A page of {@code GET /api/v1/accounts/{address}}: the account and its transactions, newest first. */
    public record History(long balanceUnits, long nonce, long tipHeight, List<HistoryEntry> entries, String nextCursor) {
    }

    /** {@code GET /api/v1/transactions/{txid}}, the parts a history line shows (sender empty for a coinbase). */
    public record TransactionView(String sender, String recipient, long amountUnits, long feeUnits, long height) {
    }

    /** A page of the account's history ({@code limit} 1..100; {@code cursor} empty for the first page). */
    public History history(String address, int limit, String cursor) throws IOException {
        if (!cursor.isEmpty() && !cursor.matches("[0-9]{1,19}-[0-9]{1,5}")) {
            throw new IllegalArgumentException("a history cursor looks like HEIGHT-POSITION, got '" + cursor + "'");
        }
        JsonNode body = http.get("/api/v1/accounts/" + address + "?limit=" + limit + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
        List<HistoryEntry> entries = new ArrayList<>();
        for (JsonNode entry : body.path("transactions")) {
            entries.add(new HistoryEntry(entry.path("txid").asString(""), entry.path("height").asLong(-1),
                    entry.path("direction").asString("")));
        }
        return new History(body.path("balance").path("units").asLong(0), body.path("nonce").asLong(0), body.path("tipHeight").asLong(-1),
                entries, body.path("nextCursor").asString(""));
    }

    public TransactionView transaction(String txid) throws IOException {
        if (!txid.matches("[0-9a-fA-F]{64}")) {
            throw new IOException("the node answered a txid that is not 64 hex digits: '" + txid + "'");
        }
        JsonNode body = http.get("/api/v1/transactions/" + txid);
        return new TransactionView(body.path("sender").asString(""), body.path("recipient").asString(""),
                body.path("amount").path("units").asLong(0), body.path("fee").path("units").asLong(0), body.path("height").asLong(-1));
    }

    /** How many transactions (the coinbase too) the active chain's block at {@code height} has. */
    public long blockTransactionCount(long height) throws IOException {
        return http.get("/api/v1/blocks/height/" + height).path("transactionCount").asLong(0);
    }

    /** Whether the transaction is on the active chain, and in which block height (-1 if not). */
    public long transactionHeight(String txid) throws IOException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/transactions/" + txid)).GET());
        if (response.statusCode() == 404) {
            return -1;
        }
        return http.parse(response, "GET /api/v1/transactions/" + txid).path("height").asLong(-1);
    }

    /**
     * {@code POST /api/v1/transactions}'s answer: the txid the node computed, {@code ACCEPTED} (the
     * mempool took it: {@code outcome} ADDED, REPLACED or DUPLICATE) or {@code SEEN} (relayed on the
     * node's own checks, no mempool verdict), and the replaced txid if any.
     */
    public record Submitted(String txid, String status, String outcome, String replaced) {
    }

    /** A transfer the node or the mempool refused: the problem's {@code rule}, title and detail. */
    public static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        private final String rule;

        RefusedException(int status, String rule, String title, String detail) {
            super("refused (" + status + "): " + rule + (title.isEmpty() ? "" : " (" + title + ")") + ": " + detail);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /** {@code POST /api/v1/transactions}; a 4xx answer is a {@link RefusedException} naming the rule. */
    public Submitted submitTransaction(byte[] encoded) throws IOException {
        String body = json.writeValueAsString(json.createObjectNode().put("hex", HexFormat.of().formatHex(encoded)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/transactions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() / 100 == 4 && response.body().length() < 64 * 1024) {
            JsonNode problem;
            try {
                problem = json.readTree(response.body());
            } catch (JacksonException e) {
                problem = json.createObjectNode();
            }
            throw new RefusedException(response.statusCode(), problem.path("rule").asString("HTTP_" + response.statusCode()),
                    problem.path("title").asString(""), problem.path("detail").asString(""));
        }
        JsonNode answer = http.parse(response, "POST /api/v1/transactions");
        return new Submitted(answer.path("txid").asString(""), answer.path("status").asString(""),
                answer.path("outcome").asString(""), answer.path("replaced").asString(""));
    }
}

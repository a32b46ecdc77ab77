package io.numicoin.support.node;

import java.util.List;

/**
 * A page of {@code GET /api/v1/accounts/{address}} (docs/api.md): spendable balance and immature
 * coinbase rewards (base units), the nonce, the tip it was read at, and the account's transactions
 * newest first with the cursor of the next page (empty on the last).
 */
public record NodeAccount(long balanceUnits, long immatureUnits, long nonce, long tipHeight, List<Entry> transactions,
        String nextCursor) {

    /** The state of an address the node has never seen. */
    public static final NodeAccount EMPTY = new NodeAccount(0, 0, 0, -1, List.of(), "");

    public NodeAccount {
        transactions = List.copyOf(transactions);
    }

    /** One transaction of the account: its txid, its height, {@code SENT}, {@code RECEIVED}, {@code SELF} or {@code COINBASE}. */
    public record Entry(String txid, long height, String direction) {
    }
}

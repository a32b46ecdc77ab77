package io.numicoin.support.node;

/**
 * {@code GET /api/v1/transactions/{txid}} (docs/api.md), the parts callers use: sender empty for a
 * coinbase; block id empty and height -1 if it is not in a block of the active chain.
 */
public record NodeTransaction(String txid, String sender, String recipient, long amountUnits, long feeUnits, String blockId, long height) {

    /** Whether the node has it in a block of its active chain. */
    public boolean inBlock() {
        return !blockId.isEmpty();
    }
}

package io.numicoin.support.node;

/** {@code GET /api/v1/transactions/{txid}} (docs/api.md), the parts callers show: sender empty for a coinbase, height -1 if not in a block. */
public record NodeTransaction(String txid, String sender, String recipient, long amountUnits, long feeUnits, long height) {
}

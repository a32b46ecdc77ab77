package io.numicoin.support.node;

/**
 * {@code POST /api/v1/transactions}'s 2xx answer (docs/api.md): the txid the node computed, the
 * status ({@code ACCEPTED}: the mempool took it, {@code outcome} ADDED, REPLACED or DUPLICATE;
 * {@code SEEN}: relayed on the node's own checks, no mempool verdict) and the replaced txid if any.
 */
public record NodeTransactionAnswer(String txid, String status, String outcome, String replaced) {
}

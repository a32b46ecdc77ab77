package io.numicoin.explorer.stats;

/** A pending transfer in the mempool (newest first in {@link MempoolStats#recent}); amounts in base units. */
public record MempoolTxView(String txid, String sender, String recipient, long amount, long fee, long nonce,
        long feeRate, int size, long acceptedMillis) {
}

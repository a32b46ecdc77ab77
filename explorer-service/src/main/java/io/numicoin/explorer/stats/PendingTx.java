package io.numicoin.explorer.stats;

import io.numicoin.protocol.hash.Hash256;

/** A pending transfer as the mempool projection needs it: its sender's policy hash, nonce, fee rate, size and fee. */
public record PendingTx(Hash256 sender, long nonce, long feeRate, int size, long fee) {
}

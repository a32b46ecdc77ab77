package io.numicoin.mempool.pool;

/**
 * What the pool holds for one sender: how many transactions are pending, the account nonce the
 * pool last saw on the chain, and the nonce a new transaction should carry to follow the pending
 * run without a gap (the account nonce + 1 when nothing is pending).
 */
public record SenderPending(int count, long accountNonce, long nextNonce) {

    public static final SenderPending NONE = new SenderPending(0, -1, -1);

    /** True when the pool holds nothing for the sender (then only the chain knows its nonce). */
    public boolean isEmpty() {
        return count == 0;
    }
}

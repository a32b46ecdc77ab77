package io.numicoin.node.relay;

import io.numicoin.node.query.AccountRecord;
import io.numicoin.protocol.tx.TransferTx;

/**
 * The checks of a transfer against the sender's account after the tip, the ones the mempool makes
 * first (docs/mempool.md): not expired at the next height, nonce in (account nonce, account nonce +
 * 1 + window], amount + fee within the balance, fee rate at least the minimum relay fee rate. Pure:
 * the account is read by the caller. Pending transfers are the mempool's concern, not checked here.
 */
public final class TipStateRule {

    private final RelayPolicy policy;

    public TipStateRule(RelayPolicy policy) {
        this.policy = policy;
    }

    public TipCheck check(TransferTx tx, int encodedSize, AccountRecord account) {
        long nextHeight = account.tipHeight() + 1;
        if (tx.expiresAt(nextHeight)) {
            return TipCheck.refused(TipRejectReason.EXPIRED,
                    "expiry height " + tx.expiryHeight() + " is below the next block's " + nextHeight);
        }
        if (tx.nonce() <= account.nonce()) {
            return TipCheck.refused(TipRejectReason.NONCE_TOO_LOW,
                    "nonce " + tx.nonce() + ", the account's is already " + account.nonce());
        }
        long expected = account.nonce() + 1;
        if (tx.nonce() - expected > policy.maxFutureNonces()) {
            return TipCheck.refused(TipRejectReason.NONCE_TOO_HIGH, "nonce " + tx.nonce() + ", expected " + expected
                    + " (at most " + policy.maxFutureNonces() + " future nonces are relayed)");
        }
        long cost;
        try {
            cost = Math.addExact(tx.amount().units(), tx.fee().units());
        } catch (ArithmeticException e) {
            cost = Long.MAX_VALUE;
        }
        if (cost > account.balance().units()) {
            return TipCheck.refused(TipRejectReason.INSUFFICIENT_BALANCE, "amount and fee of " + cost
                    + " units exceed the balance of " + account.balance().units());
        }
        long feeRate = feeRate(tx.fee().units(), encodedSize);
        if (feeRate < policy.minFeeRate()) {
            return TipCheck.refused(TipRejectReason.FEE_RATE_TOO_LOW,
                    "fee rate " + feeRate + " per 1000 bytes, the minimum is " + policy.minFeeRate());
        }
        return TipCheck.passed();
    }

    /** Base units per 1,000 bytes, rounded down (the mempool's unit). */
    static long feeRate(long fee, int size) {
        try {
            return Math.multiplyExact(fee, 1000L) / size;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / size;
        }
    }
}

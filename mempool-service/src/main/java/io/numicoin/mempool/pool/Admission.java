package io.numicoin.mempool.pool;

import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.TxCheck;

/**
 * The one way into the pool, whatever the source (Kafka {@code TransactionSeen}, the API, a reload,
 * a disconnected block): the stateless rules including every signature ({@link TransactionRules}; the
 * node checked them too, but the mempool does not trust a topic anyone with producer rights can write
 * to), then the sender's account after the tip, then {@link Mempool#add}. The expensive part (the
 * signature) runs on the caller's thread, outside the pool's lock, so callers on several threads
 * verify in parallel. Thread-safe.
 */
public final class Admission {

    private final TransactionRules rules;
    private final AccountSource accounts;
    private final Mempool pool;

    public Admission(TransactionRules rules, AccountSource accounts, Mempool pool) {
        this.rules = rules;
        this.accounts = accounts;
        this.pool = pool;
    }

    /** Decodes and offers raw transaction bytes (the API's hex). */
    public AddResult offer(byte[] encoded, long arrivalMillis) {
        Transaction tx;
        try {
            tx = TransactionCodec.decode(encoded);
        } catch (DecodeException e) {
            return AddResult.invalid(Hash256.ZERO, PoolRejectReason.MALFORMED, e.getMessage());
        }
        if (tx instanceof CoinbaseTx) {
            return AddResult.invalid(TransactionCodec.txid(tx), PoolRejectReason.COINBASE_NOT_ALLOWED,
                    "coinbase transactions exist only inside blocks");
        }
        return offer((TransferTx) tx, arrivalMillis);
    }

    /** Offers a decoded transfer that arrived at {@code arrivalMillis}. */
    public AddResult offer(TransferTx tx, long arrivalMillis) {
        PoolEntry entry = PoolEntry.of(tx, arrivalMillis);
        if (pool.get(entry.txid()).isPresent()) {
            return AddResult.duplicate(entry.txid());
        }
        TxCheck check = rules.check(tx, entry.txid(), entry.size());
        if (!check.isValid()) {
            return AddResult.invalid(entry.txid(), PoolRejectReason.of(check.reason()), check.detail());
        }
        AccountState account;
        try {
            account = accounts.account(tx.sender());
        } catch (AccountUnavailableException e) {
            return AddResult.invalid(entry.txid(), PoolRejectReason.ACCOUNT_UNAVAILABLE, e.getMessage());
        }
        return pool.add(entry, account);
    }

    public Mempool pool() {
        return pool;
    }

    public AccountSource accounts() {
        return accounts;
    }
}

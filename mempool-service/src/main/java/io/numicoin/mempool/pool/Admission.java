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
        Decoded decoded = decode(encoded);
        return decoded.failure() != null ? decoded.failure() : offer(decoded.tx(), arrivalMillis);
    }

    /** Offers a decoded transfer that arrived at {@code arrivalMillis}. */
    public AddResult offer(TransferTx tx, long arrivalMillis) {
        Checked checked = check(tx, arrivalMillis);
        return checked.failure() != null ? checked.failure() : pool.add(checked.entry(), checked.account());
    }

    /**
     * The part of {@link #offer} that needs no lock: stateless rules and the account read. The caller
     * then calls {@link Mempool#add} with the entry and account (the service does so under its lock,
     * so the store and the events see changes in the pool's order).
     */
    public Checked check(TransferTx tx, long arrivalMillis) {
        PoolEntry entry = PoolEntry.of(tx, arrivalMillis);
        if (pool.get(entry.txid()).isPresent()) {
            return Checked.failed(AddResult.duplicate(entry.txid()));
        }
        TxCheck check = rules.check(tx, entry.txid(), entry.size());
        if (!check.isValid()) {
            return Checked.failed(AddResult.invalid(entry.txid(), PoolRejectReason.of(check.reason()), check.detail()));
        }
        try {
            return new Checked(entry, accounts.account(tx.sender()), null);
        } catch (AccountUnavailableException e) {
            return Checked.failed(AddResult.invalid(entry.txid(), PoolRejectReason.ACCOUNT_UNAVAILABLE, e.getMessage()));
        }
    }

    /** A transaction past the lock-free checks (entry and account set), or the result that ends it ({@code failure}). */
    public record Checked(PoolEntry entry, AccountState account, AddResult failure) {

        static Checked failed(AddResult failure) {
            return new Checked(null, null, failure);
        }
    }

    /** Decodes raw bytes to a transfer, or the INVALID result (MALFORMED, COINBASE_NOT_ALLOWED). */
    public static Decoded decode(byte[] encoded) {
        Transaction tx;
        try {
            tx = TransactionCodec.decode(encoded);
        } catch (DecodeException e) {
            return new Decoded(null, AddResult.invalid(Hash256.ZERO, PoolRejectReason.MALFORMED, e.getMessage()));
        }
        if (tx instanceof CoinbaseTx) {
            return new Decoded(null, AddResult.invalid(TransactionCodec.txid(tx), PoolRejectReason.COINBASE_NOT_ALLOWED,
                    "coinbase transactions exist only inside blocks"));
        }
        return new Decoded((TransferTx) tx, null);
    }

    /** A decoded transfer, or why the bytes are not one. */
    public record Decoded(TransferTx tx, AddResult failure) {
    }

    public Mempool pool() {
        return pool;
    }

    public AccountSource accounts() {
        return accounts;
    }
}

package io.numicoin.mempool.pool;

import io.numicoin.protocol.money.Amount;
import java.util.Objects;

/**
 * An account after the tip, as the node reports it.
 *
 * @param balance spendable now (immature coinbase rewards excluded)
 * @param nonce the last transfer's nonce (0 for an account that never sent); the next must carry nonce + 1
 */
public record AccountState(Amount balance, long nonce) {

    public static final AccountState EMPTY = new AccountState(Amount.ZERO, 0);

    public AccountState {
        Objects.requireNonNull(balance, "balance");
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce must not be negative: " + nonce);
        }
    }
}

package io.numicoin.protocol.state;

import io.numicoin.protocol.money.Amount;
import java.util.Objects;

/**
 * One account's state: its spendable balance and the nonce of its last transfer (0 before the
 * first). An account with balance 0 and nonce 0 does not exist: it is absent from the state and
 * from the state hash, and reads as {@link #ZERO}. Once an account has sent a transfer its nonce is
 * above 0, so it stays in the state even when emptied, which keeps old transfers from replaying.
 */
public record Account(Amount balance, long nonce) {

    public static final Account ZERO = new Account(Amount.ZERO, 0);

    public Account {
        Objects.requireNonNull(balance, "balance");
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce must not be negative: " + nonce);
        }
    }

    /** True for the account that does not exist (balance 0, nonce 0). */
    public boolean isEmpty() {
        return balance.isZero() && nonce == 0;
    }

    /** @throws ArithmeticException if the balance would exceed {@code MAX_MONEY} */
    public Account credit(Amount amount) {
        return new Account(balance.plus(amount), nonce);
    }

    /** The account after sending a transfer: {@code total} debited and the nonce advanced. */
    public Account spend(Amount total) {
        return new Account(balance.minus(total), nonce + 1);
    }
}

package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.ProtocolLimits;
import java.util.Objects;

/**
 * A coinbase payment not yet spendable: the coinbase of block {@code paidAtHeight} creates it and
 * the block at {@code paidAtHeight + COINBASE_MATURITY} moves {@code amount} into the recipient's
 * balance before that block's transfers run. A coinbase paying nothing creates no entry, so the
 * amount is always positive.
 */
public record ImmatureReward(long paidAtHeight, Address recipient, Amount amount) implements StateElement {

    public ImmatureReward {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(amount, "amount");
        if (paidAtHeight < 0) {
            throw new IllegalArgumentException("height must not be negative: " + paidAtHeight);
        }
        if (amount.isZero()) {
            throw new IllegalArgumentException("an immature reward has a positive amount");
        }
    }

    /** The height of the block that credits this reward to the recipient. */
    public long maturesAtHeight() {
        return Math.addExact(paidAtHeight, ProtocolLimits.COINBASE_MATURITY);
    }
}

package io.numicoin.protocol.tx;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.money.Amount;
import java.util.Objects;

/**
 * Pays the block's subsidy plus its fees to {@code recipient}. The height makes every coinbase's
 * txid unique. The reward matures (becomes spendable) {@code COINBASE_MATURITY} blocks later.
 */
public record CoinbaseTx(int chainId, long height, Address recipient, Amount amount, Bytes memo)
        implements Transaction {

    public CoinbaseTx {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(memo, "memo");
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative: " + height);
        }
        if (memo.length() > ProtocolLimits.MAX_MEMO_BYTES) {
            throw new IllegalArgumentException("memo has " + memo.length() + " bytes, at most " + ProtocolLimits.MAX_MEMO_BYTES);
        }
    }
}

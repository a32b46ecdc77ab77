package io.numicoin.protocol.tx;

import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.money.Amount;
import java.util.List;
import java.util.Objects;

/**
 * Moves {@code amount} from {@code sender} to {@code recipient}, paying {@code fee} to the miner.
 * {@code nonce} must be the sender's account nonce + 1. The transaction is invalid in any block
 * above {@code expiryHeight} (0 = never expires). The sender must equal the address of
 * {@code policy}, and {@code signatures} must satisfy it over the txid.
 */
public record TransferTx(
        int chainId,
        Address sender,
        long nonce,
        Address recipient,
        Amount amount,
        Amount fee,
        long expiryHeight,
        Bytes memo,
        SpendingPolicy policy,
        List<TxSignature> signatures) implements Transaction {

    public TransferTx {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(policy, "policy");
        signatures = List.copyOf(signatures);
        if (nonce < 1) {
            throw new IllegalArgumentException("nonce starts at 1, got " + nonce);
        }
        if (expiryHeight < 0) {
            throw new IllegalArgumentException("expiry height must not be negative: " + expiryHeight);
        }
        if (memo.length() > ProtocolLimits.MAX_MEMO_BYTES) {
            throw new IllegalArgumentException("memo has " + memo.length() + " bytes, at most " + ProtocolLimits.MAX_MEMO_BYTES);
        }
    }

    /** The same transaction with other signatures (signing fills them in after the txid is known). */
    public TransferTx withSignatures(List<TxSignature> newSignatures) {
        return new TransferTx(chainId, sender, nonce, recipient, amount, fee, expiryHeight, memo, policy, newSignatures);
    }

    public boolean expiresAt(long height) {
        return expiryHeight != 0 && height > expiryHeight;
    }
}

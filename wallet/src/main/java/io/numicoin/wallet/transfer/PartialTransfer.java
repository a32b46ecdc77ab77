package io.numicoin.wallet.transfer;

import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A transfer on its way to being signed (docs/partial-transfer.md): the unsigned transaction (its
 * spending policy inside) and the signatures collected so far, one per policy key at most, in
 * ascending key index order. It may hold more signatures than the threshold (every cosigner
 * signed); the final transaction carries exactly the threshold. Immutable.
 */
public record PartialTransfer(TransferTx transaction, List<TxSignature> signatures) {

    public PartialTransfer {
        Objects.requireNonNull(transaction, "transaction");
        signatures = List.copyOf(signatures);
        if (!transaction.signatures().isEmpty()) {
            throw new IllegalArgumentException("the transaction of a partial transfer is unsigned; signatures are kept beside it");
        }
        int keys = transaction.policy().keys().size();
        int previous = -1;
        for (TxSignature signature : signatures) {
            if (signature.keyIndex() <= previous || signature.keyIndex() >= keys) {
                throw new IllegalArgumentException("signature key indexes must ascend strictly within 0.." + (keys - 1));
            }
            previous = signature.keyIndex();
        }
    }

    /** A transfer nobody has signed yet. */
    public static PartialTransfer unsigned(TransferTx transaction) {
        return new PartialTransfer(transaction, List.of());
    }

    /** What every signature signs. */
    public Hash256 txid() {
        return TransactionCodec.txid(transaction);
    }

    public SpendingPolicy policy() {
        return transaction.policy();
    }

    public boolean isSignedBy(int keyIndex) {
        return signatures.stream().anyMatch(s -> s.keyIndex() == keyIndex);
    }

    /** This transfer with {@code signature} added; a key that has signed already keeps its first signature. */
    public PartialTransfer with(TxSignature signature) {
        return with(List.of(signature));
    }

    public PartialTransfer with(List<TxSignature> more) {
        TreeMap<Integer, TxSignature> byIndex = new TreeMap<>();
        for (TxSignature signature : signatures) {
            byIndex.put(signature.keyIndex(), signature);
        }
        for (TxSignature signature : more) {
            byIndex.putIfAbsent(signature.keyIndex(), signature);
        }
        return new PartialTransfer(transaction, new ArrayList<>(byIndex.values()));
    }

    /**
     * The signatures of both, for one transaction (copies of one file signed on different machines).
     *
     * @throws PartialTransferException {@code DIFFERENT_TRANSACTION} if the transactions differ
     */
    public PartialTransfer combine(PartialTransfer other) throws PartialTransferException {
        if (!transaction.equals(other.transaction)) {
            throw new PartialTransferException(PartialTransferFailure.DIFFERENT_TRANSACTION, "the files hold different transactions (txid "
                    + txid().toHex() + " and " + other.txid().toHex() + "): only copies of one transfer combine");
        }
        return with(other.signatures);
    }

    /** Who has signed and who may still sign. */
    public SigningStatus status() {
        List<Integer> signed = signatures.stream().map(TxSignature::keyIndex).toList();
        List<Integer> unsigned = new ArrayList<>();
        for (int i = 0; i < policy().keys().size(); i++) {
            if (!signed.contains(i)) {
                unsigned.add(i);
            }
        }
        return new SigningStatus(policy().threshold(), signed, unsigned);
    }
}

package io.numicoin.wallet.transfer;

import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.TxCheck;
import java.util.List;

/**
 * Turns a partial transfer with enough signatures into the transaction to broadcast: exactly the
 * threshold's signatures (the lowest key indexes among those collected, as the consensus rule
 * wants exactly {@code threshold} in ascending order), then the consensus {@link TransactionRules}
 * of the transaction's network (chain id, size, fee, sender = policy address, signatures with the
 * consensus verifier). What the node would refuse without looking at the account is refused here.
 */
public final class PartialTransferFinalizer {

    private PartialTransferFinalizer() {
    }

    public static TransferTx finalizeTransfer(PartialTransfer transfer) throws PartialTransferException {
        SigningStatus status = transfer.status();
        if (!status.isComplete()) {
            throw new PartialTransferException(PartialTransferFailure.NOT_ENOUGH_SIGNATURES, status.signed().size()
                    + " of the " + status.threshold() + " signatures the policy needs; " + status.missing() + " more missing");
        }
        List<TxSignature> chosen = transfer.signatures().subList(0, status.threshold());
        TransferTx tx = transfer.transaction().withSignatures(chosen);
        TransactionRules rules = new TransactionRules(Networks.ofChainId(tx.chainId()).chainId(), MlDsaProviders.consensus());
        TxCheck check = rules.check(tx, TransactionCodec.txid(tx), TransactionCodec.encodedSize(tx));
        if (!check.isValid()) {
            throw new PartialTransferException(PartialTransferFailure.REJECTED,
                    "the finished transaction breaks a consensus rule: " + check.reason() + ": " + check.detail());
        }
        return tx;
    }
}

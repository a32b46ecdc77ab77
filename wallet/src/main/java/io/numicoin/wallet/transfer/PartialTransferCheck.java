package io.numicoin.wallet.transfer;

import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.ConsensusMlDsaVerifier;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.MlDsaVerdict;
import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.file.FileFormatFailure;

/**
 * What every step checks in a decoded partial transfer before it trusts it: the sender is the
 * address of the carried policy, and every collected signature verifies (the consensus verifier)
 * under the policy key it names, over this transaction's txid. A signature made for another
 * transaction, or a file edited after signing, is refused with the key it concerns.
 */
public final class PartialTransferCheck {

    private static final ConsensusMlDsaVerifier VERIFIER = MlDsaProviders.consensus();

    private PartialTransferCheck() {
    }

    public static PartialTransfer verify(PartialTransfer transfer) throws FileFormatException {
        if (!SpendingPolicyCodec.address(transfer.policy()).equals(transfer.transaction().sender())) {
            throw new FileFormatException(FileFormatFailure.INVALID,
                    "the transfer's sender is not the address of the policy it carries: no signature could ever authorise it");
        }
        byte[] txid = transfer.txid().toArray();
        for (TxSignature signature : transfer.signatures()) {
            MlDsaVerdict verdict = VERIFIER.verdict(transfer.policy().keys().get(signature.keyIndex()), txid, signature.signature());
            if (!verdict.isValid()) {
                throw new FileFormatException(FileFormatFailure.INVALID, "the signature of key " + signature.keyIndex()
                        + " does not verify (" + verdict + "): it was made for another transaction or the file was altered");
            }
        }
        return transfer;
    }
}

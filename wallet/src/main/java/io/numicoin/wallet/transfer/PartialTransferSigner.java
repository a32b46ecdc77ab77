package io.numicoin.wallet.transfer;

import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaProvider;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.PolicySigner;
import java.util.Objects;

/**
 * Adds one key's signature to a partial transfer: finds the key's index in the policy from its
 * public key, signs the txid, and checks the new signature before returning it. A key that has
 * signed already signs nothing again.
 */
public final class PartialTransferSigner {

    /** The transfer after signing, the index of the key that signed, and whether it had signed before. */
    public record Signed(PartialTransfer transfer, int keyIndex, boolean alreadySigned) {
    }

    private final MlDsaProvider provider;
    private final PolicySigner signer;

    public PartialTransferSigner() {
        this(MlDsaProviders.preferred());
    }

    public PartialTransferSigner(MlDsaProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.signer = new PolicySigner(provider);
    }

    public Signed sign(PartialTransfer transfer, MlDsaPrivateKey key) throws PartialTransferException {
        MlDsaPublicKey publicKey = provider.publicKey(key);
        int index = transfer.policy().keys().indexOf(publicKey);
        if (index < 0) {
            throw new PartialTransferException(PartialTransferFailure.KEY_NOT_IN_POLICY,
                    "this key is not one of the policy's " + transfer.policy().keys().size() + " keys: it cannot sign this transfer");
        }
        if (transfer.isSignedBy(index)) {
            return new Signed(transfer, index, true);
        }
        return new Signed(transfer.with(signer.signOne(transfer.policy(), index, key, transfer.txid())), index, false);
    }
}

package io.numicoin.protocol.crypto;

import io.numicoin.protocol.hash.Hash256;
import java.util.List;
import java.util.Objects;

/**
 * The signature rule of a spending policy: a message is authorised by exactly {@code threshold}
 * signatures whose key indexes are strictly ascending (so no key signs twice and the list has one
 * order) and below the key count, each valid under the key it names. The cheap structural checks
 * run over the whole list before any signature is verified. Thread-safe.
 */
public final class PolicySignatureRule {

    private final MlDsaProvider provider;

    public PolicySignatureRule(MlDsaProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    public PolicySignatureResult check(SpendingPolicy policy, Hash256 message, List<TxSignature> signatures) {
        return check(policy, message.toArray(), signatures);
    }

    public PolicySignatureResult check(SpendingPolicy policy, byte[] message, List<TxSignature> signatures) {
        if (signatures.size() != policy.threshold()) {
            return PolicySignatureResult.failure(PolicySignatureCheck.WRONG_SIGNATURE_COUNT, -1);
        }
        int previous = -1;
        for (int i = 0; i < signatures.size(); i++) {
            int keyIndex = signatures.get(i).keyIndex();
            if (keyIndex <= previous) {
                return PolicySignatureResult.failure(PolicySignatureCheck.KEY_INDEX_NOT_ASCENDING, i);
            }
            if (keyIndex >= policy.keys().size()) {
                return PolicySignatureResult.failure(PolicySignatureCheck.KEY_INDEX_OUT_OF_RANGE, i);
            }
            previous = keyIndex;
        }
        for (int i = 0; i < signatures.size(); i++) {
            TxSignature signature = signatures.get(i);
            if (!provider.verify(policy.keys().get(signature.keyIndex()), message, signature.signature())) {
                return PolicySignatureResult.failure(PolicySignatureCheck.BAD_SIGNATURE, i);
            }
        }
        return PolicySignatureResult.VALID;
    }
}

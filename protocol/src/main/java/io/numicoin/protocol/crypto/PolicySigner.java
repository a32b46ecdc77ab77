package io.numicoin.protocol.crypto;

import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Makes the signatures a {@link PolicySignatureRule} accepts, for wallets and tests: one
 * cosigner's signature, a whole threshold set from the keys at chosen indexes, or the canonical
 * order of signatures collected from cosigners. Refuses a private key that is not the policy's
 * key at the index it is said to sign for.
 */
public final class PolicySigner {

    private final MlDsaProvider provider;

    public PolicySigner(MlDsaProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** The signature of the policy key at {@code keyIndex}, whose private key is {@code privateKey}. */
    public TxSignature signOne(SpendingPolicy policy, int keyIndex, MlDsaPrivateKey privateKey, byte[] message) {
        if (keyIndex < 0 || keyIndex >= policy.keys().size()) {
            throw new IllegalArgumentException("key index " + keyIndex + " is not within 0.." + (policy.keys().size() - 1));
        }
        if (!provider.publicKey(privateKey).equals(policy.keys().get(keyIndex))) {
            throw new IllegalArgumentException("the private key is not the policy's key at index " + keyIndex);
        }
        return new TxSignature(keyIndex, provider.sign(privateKey, message));
    }

    public TxSignature signOne(SpendingPolicy policy, int keyIndex, MlDsaPrivateKey privateKey, Hash256 message) {
        return signOne(policy, keyIndex, privateKey, message.toArray());
    }

    /**
     * Exactly {@code threshold} signatures, in ascending key index order.
     *
     * @param keysByIndex the private keys of the signing cosigners, by their key index; exactly
     *     {@code policy.threshold()} entries
     */
    public List<TxSignature> sign(SpendingPolicy policy, Map<Integer, MlDsaPrivateKey> keysByIndex, byte[] message) {
        if (keysByIndex.size() != policy.threshold()) {
            throw new IllegalArgumentException(policy.threshold() + " keys must sign, got " + keysByIndex.size());
        }
        List<TxSignature> signatures = new ArrayList<>(keysByIndex.size());
        new TreeMap<>(keysByIndex).forEach((index, key) -> signatures.add(signOne(policy, index, key, message)));
        return List.copyOf(signatures);
    }

    public List<TxSignature> sign(SpendingPolicy policy, Map<Integer, MlDsaPrivateKey> keysByIndex, Hash256 message) {
        return sign(policy, keysByIndex, message.toArray());
    }

    /** Signatures gathered from cosigners, in the ascending key index order the rule requires. */
    public static List<TxSignature> inCanonicalOrder(Collection<TxSignature> signatures) {
        return signatures.stream().sorted(Comparator.comparingInt(TxSignature::keyIndex)).toList();
    }
}

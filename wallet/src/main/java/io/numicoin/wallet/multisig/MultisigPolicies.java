package io.numicoin.wallet.multisig;

import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * m-of-n policies as the wallet makes them: the keys sorted by their bytes (unsigned), as
 * Bitcoin's {@code sortedmulti} and BIP 67, so the same keys and threshold give the same address
 * whatever order the cosigners list them in. A policy with the keys in another order is just as
 * valid on chain; the wallet only never makes one.
 */
public final class MultisigPolicies {

    private MultisigPolicies() {
    }

    /**
     * @throws IllegalArgumentException naming the problem: fewer than 2 keys (use the single key),
     *     more than {@link SpendingPolicy#MAX_KEYS}, a key given twice, a threshold outside 1..n
     */
    public static SpendingPolicy sorted(int threshold, List<MlDsaPublicKey> keys) {
        if (keys.size() < 2) {
            throw new IllegalArgumentException("a multisig policy has at least 2 keys, got " + keys.size());
        }
        if (keys.size() > SpendingPolicy.MAX_KEYS) {
            throw new IllegalArgumentException("a policy has at most " + SpendingPolicy.MAX_KEYS + " keys, got " + keys.size());
        }
        Set<MlDsaPublicKey> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!seen.add(keys.get(i))) {
                throw new IllegalArgumentException("key " + (i + 1) + " is given twice");
            }
        }
        if (threshold < 1 || threshold > keys.size()) {
            throw new IllegalArgumentException("the threshold must be within 1.." + keys.size() + ", got " + threshold);
        }
        return new SpendingPolicy(threshold, keys.stream().sorted(Comparator.comparing(MlDsaPublicKey::bytes)).toList());
    }
}

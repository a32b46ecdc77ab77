package io.numicoin.protocol.crypto;

import java.util.List;
import java.util.Objects;

/**
 * Who may spend from an address: {@code threshold} valid signatures from distinct keys of
 * {@code keys}. A single-key account is the 1-of-1 policy. The address is the hash of the
 * policy's canonical encoding ({@code SpendingPolicyCodec}).
 */
public record SpendingPolicy(int threshold, List<MlDsaPublicKey> keys) {

    /** At most this many keys in one policy (a 16-key policy still fits a 64 KiB transaction). */
    public static final int MAX_KEYS = 16;

    public SpendingPolicy {
        Objects.requireNonNull(keys, "keys");
        keys = List.copyOf(keys);
        if (keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("a policy has 1 to " + MAX_KEYS + " keys, got " + keys.size());
        }
        if (threshold < 1 || threshold > keys.size()) {
            throw new IllegalArgumentException("threshold " + threshold + " is not within 1.." + keys.size());
        }
        if (keys.stream().distinct().count() != keys.size()) {
            throw new IllegalArgumentException("a policy's keys must be distinct");
        }
    }

    public static SpendingPolicy singleKey(MlDsaPublicKey key) {
        return new SpendingPolicy(1, List.of(key));
    }

    public boolean isMultisig() {
        return keys.size() > 1;
    }
}

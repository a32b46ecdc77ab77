package io.numicoin.protocol.validation;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.SpendingPolicy;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The addresses of recently seen spending policies: a memo of {@link SpendingPolicyCodec#address}, so
 * a sender seen recently (most transfers come from senders that sent before) costs a map lookup — a
 * vectorised hash and compare of its ~2 KB policy — instead of a BLAKE3 hash of its encoding. Keyed by
 * the whole policy (every key's bytes and the threshold), so it answers exactly what the codec would.
 * Bounded: emptied when {@code capacity} policies are held. Thread-safe.
 */
final class PolicyAddressCache {

    private final int capacity;
    private final ConcurrentHashMap<SpendingPolicy, Address> addresses = new ConcurrentHashMap<>();

    PolicyAddressCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    Address addressOf(SpendingPolicy policy) {
        Address known = addresses.get(policy);
        if (known != null) {
            return known;
        }
        Address address = SpendingPolicyCodec.address(policy);
        if (addresses.size() >= capacity) {
            addresses.clear();
        }
        addresses.put(policy, address);
        return address;
    }

    int size() {
        return addresses.size();
    }
}

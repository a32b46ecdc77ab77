package io.numicoin.protocol.address;

import io.numicoin.protocol.hash.Hash256;
import java.util.Objects;

/**
 * An account address: the BLAKE3-256 ({@code numi/address}) of a spending policy's encoding.
 * Network-independent; the human-readable form ({@link AddressFormat}) adds the network's hrp.
 */
public record Address(Hash256 policyHash) implements Comparable<Address> {

    public Address {
        Objects.requireNonNull(policyHash, "policyHash");
    }

    @Override
    public int compareTo(Address other) {
        return policyHash.compareTo(other.policyHash);
    }

    @Override
    public String toString() {
        return policyHash.toHex();
    }
}

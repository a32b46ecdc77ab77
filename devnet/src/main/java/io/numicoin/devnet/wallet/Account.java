package io.numicoin.devnet.wallet;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.SpendingPolicy;

/** A single-key account: the key pair, its spending policy and its address. */
public record Account(MlDsaKeyPair keys, SpendingPolicy policy, Address address) {

    public static Account of(MlDsaPrivateKey privateKey) {
        MlDsaKeyPair keys = MlDsaProviders.preferred().keyPair(privateKey);
        SpendingPolicy policy = SpendingPolicy.singleKey(keys.publicKey());
        return new Account(keys, policy, SpendingPolicyCodec.address(policy));
    }
}

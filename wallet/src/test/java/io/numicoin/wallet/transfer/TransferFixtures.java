package io.numicoin.wallet.transfer;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.wallet.multisig.MultisigPolicies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.IntStream;

/** Deterministic keys (seed = SHA-256 of "numi wallet test key N", kept in memory only) and transfers for the wallet's tests. */
public final class TransferFixtures {

    public static final NetworkParams REGTEST = NetworkParams.regtest();

    private TransferFixtures() {
    }

    public static MlDsaPrivateKey privateKey(int n) {
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256").digest(("numi wallet test key " + n).getBytes(StandardCharsets.US_ASCII));
            return new MlDsaPrivateKey(Bytes.of(seed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MlDsaPublicKey publicKey(int n) {
        return MlDsaProviders.preferred().publicKey(privateKey(n));
    }

    public static MlDsaKeyPair keyPair(int n) {
        return MlDsaProviders.preferred().keyPair(privateKey(n));
    }

    /** The m-of-n policy of test keys 1..n, sorted as the wallet makes it. */
    public static SpendingPolicy policy(int threshold, int keys) {
        return MultisigPolicies.sorted(threshold, IntStream.rangeClosed(1, keys).mapToObj(TransferFixtures::publicKey).toList());
    }

    /** The index test key {@code n} has in {@code policy}. */
    public static int indexOf(SpendingPolicy policy, int n) {
        return policy.keys().indexOf(publicKey(n));
    }

    public static Address recipient() {
        return SpendingPolicyCodec.address(SpendingPolicy.singleKey(publicKey(99)));
    }

    /** An unsigned regtest transfer of 1.5 NUMI from the policy's address. */
    public static TransferTx unsigned(SpendingPolicy policy, long nonce) {
        return new TransferTx(REGTEST.chainId(), SpendingPolicyCodec.address(policy), nonce, recipient(), Amount.parseNumi("1.5"),
                Amount.parseNumi("0.0001"), 0, Bytes.of("rent".getBytes(StandardCharsets.UTF_8)), policy, List.of());
    }
}

package io.numicoin.pool.payout;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.wallet.keystore.KdfParams;
import io.numicoin.wallet.keystore.KeyKind;
import io.numicoin.wallet.keystore.Keystore;
import io.numicoin.wallet.keystore.KeystoreException;
import io.numicoin.wallet.keystore.UnlockedKey;
import io.numicoin.wallet.passphrase.PassphraseException;
import io.numicoin.wallet.passphrase.PassphraseSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The pool's key: every coinbase pays its address, and payouts are signed with it. It is a wallet
 * keystore (Argon2id + AES-256-GCM at rest, docs/keystore.md) unlocked once at startup with a
 * passphrase from a file or an environment variable naming a file; the plain key lives only in
 * this process's memory.
 */
public record PoolKey(MlDsaKeyPair keys, SpendingPolicy policy, Address address) {

    public static PoolKey unlock(Path keystore, String passphraseSource) {
        return unlock(keystore, passphraseSource, false);
    }

    /**
     * @param createIfMissing generate a new key into {@code keystore} (under the passphrase read
     *     from the source) when the file does not exist: for a fresh devnet or compose deployment
     */
    public static PoolKey unlock(Path keystore, String passphraseSource, boolean createIfMissing) {
        char[] passphrase = null;
        try {
            passphrase = PassphraseSource.parse(passphraseSource, null, System::getenv, false).read();
            if (createIfMissing && !Files.exists(keystore)) {
                new Keystore(new SecureRandom()).generate(keystore, KeyKind.ML_DSA_65_SEED, passphrase, KdfParams.DEFAULT);
            }
            try (UnlockedKey unlocked = Keystore.unlock(keystore, passphrase)) {
                MlDsaKeyPair keys = MlDsaProviders.preferred().keyPair(unlocked.mlDsaPrivateKey());
                SpendingPolicy policy = SpendingPolicy.singleKey(keys.publicKey());
                return new PoolKey(keys, policy, SpendingPolicyCodec.address(policy));
            }
        } catch (PassphraseException | KeystoreException e) {
            throw new IllegalStateException("numi.pool.keystore " + keystore + ": " + e.getMessage(), e);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    @Override
    public String toString() {
        return "PoolKey[" + address + "]";
    }
}

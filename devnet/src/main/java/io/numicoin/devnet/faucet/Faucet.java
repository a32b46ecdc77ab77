package io.numicoin.devnet.faucet;

import io.numicoin.devnet.wallet.Account;
import io.numicoin.devnet.wallet.KeyFile;
import io.numicoin.devnet.wallet.RandomSecretFile;
import io.numicoin.devnet.wallet.WalletKeyException;
import io.numicoin.devnet.wallet.WalletKeys;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.wallet.keystore.KdfParams;
import io.numicoin.wallet.keystore.KeyKind;
import io.numicoin.wallet.keystore.Keystore;
import io.numicoin.wallet.keystore.KeystoreException;
import io.numicoin.wallet.keystore.UnlockedKey;
import io.numicoin.wallet.passphrase.PassphraseException;
import io.numicoin.wallet.passphrase.PassphraseSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The devnet's funded account: an ML-DSA-65 key in an encrypted keystore in the data directory
 * ({@code faucet.numikey}, made on the first run), its passphrase 32 random bytes in
 * {@code faucet.passphrase} (mode 0600) beside it, so the devnet starts unattended. A plain-text
 * {@code faucet.key} of an older data directory is moved into the keystore and deleted. The miner
 * pays every coinbase to its address, so once the first reward has matured
 * ({@code COINBASE_MATURITY} blocks later) it can send coins at once.
 */
public record Faucet(Path keyFile, Account account, String address) {

    /**
     * The faucet keystore's Argon2id cost: its passphrase is 256 random bits, which no guessing
     * reaches, so a costly KDF would only slow every {@code ./numi wallet send}.
     */
    public static final KdfParams KDF = new KdfParams(8 * 1024, 1, 1);

    public static Faucet loadOrCreate(Path keystore, Path passphraseFile, Path plainKey, NetworkParams params,
            Consumer<String> say) throws IOException, WalletKeyException {
        RandomSecretFile.ensure(passphraseFile, "faucet passphrase");
        PassphraseSource passphrase = PassphraseSource.file(passphraseFile);
        if (!Files.exists(keystore)) {
            boolean migrate = Files.exists(plainKey);
            MlDsaPrivateKey key = migrate ? KeyFile.read(plainKey) : MlDsaPrivateKey.generate(new SecureRandom());
            create(keystore, key, passphrase);
            if (migrate) {
                try (UnlockedKey check = WalletKeys.unlockFile("faucet", keystore, passphrase)) {
                    if (!check.mlDsaPrivateKey().equals(key)) {
                        throw new IOException("the faucet keystore " + keystore + " does not hold the key of " + plainKey);
                    }
                }
                Files.delete(plainKey);
                say.accept("moved the plain-text faucet key " + plainKey + " into the encrypted keystore " + keystore);
            }
        }
        Account account;
        try (UnlockedKey key = WalletKeys.unlockFile("faucet", keystore, passphrase)) {
            account = Account.of(key.mlDsaPrivateKey());
        }
        return new Faucet(keystore, account, AddressFormat.encode(account.address(), params.hrp()));
    }

    private static void create(Path keystore, MlDsaPrivateKey key, PassphraseSource source) throws IOException, WalletKeyException {
        char[] passphrase;
        try {
            passphrase = source.read();
        } catch (PassphraseException e) {
            throw new IOException("cannot read the faucet passphrase: " + e.getMessage(), e);
        }
        byte[] seed = key.seed().toArray();
        try {
            new Keystore(new SecureRandom()).create(keystore, KeyKind.ML_DSA_65_SEED, seed, passphrase, KDF);
        } catch (KeystoreException e) {
            throw new IOException("cannot write the faucet keystore " + keystore + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(passphrase, '\0');
        }
    }
}

package io.numicoin.node.identity;

import io.numicoin.p2p.identity.IdentityFile;
import io.numicoin.p2p.identity.IdentityFileException;
import io.numicoin.p2p.identity.Libp2pPublicKey;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.wallet.keystore.KdfParams;
import io.numicoin.wallet.keystore.KeyKind;
import io.numicoin.wallet.keystore.Keystore;
import io.numicoin.wallet.keystore.KeystoreException;
import io.numicoin.wallet.keystore.KeystoreHeader;
import io.numicoin.wallet.keystore.UnlockedKey;
import io.numicoin.wallet.passphrase.PassphraseException;
import io.numicoin.wallet.passphrase.PassphraseSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's libp2p identity (Ed25519) in the wallet's keystore format: {@code node-key.numikey}
 * in the p2p data directory, unlocked at start with the passphrase from {@code numi.node-key}'s
 * source. Made on the first start; a plain {@code node.key} of an older data directory is moved
 * into the keystore (same key, same peer id), checked, and deleted. Without a passphrase source the
 * plain file is used as before, with a warning, and an encrypted key is never silently bypassed.
 */
public final class NodeKeyStore {

    public static final String KEYSTORE = "node-key.numikey";
    public static final String PLAIN = "node.key";

    private static final Logger log = LoggerFactory.getLogger(NodeKeyStore.class);

    private NodeKeyStore() {
    }

    /** The source {@code spec} names ({@code file:}, {@code env:}, {@code prompt}), none when blank. */
    public static Optional<PassphraseSource> source(String spec) {
        if (spec == null || spec.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PassphraseSource.parse(spec, System.console(), System::getenv, false));
        } catch (PassphraseException e) {
            throw new IllegalStateException("numi.node-key.passphrase-source: " + e.getMessage(), e);
        }
    }

    /** Loads (making or migrating it first when needed) the identity in {@code dataDir}. */
    public static NodeIdentity loadOrCreate(Path dataDir, Optional<PassphraseSource> source, KdfParams kdf)
            throws IOException, IdentityFileException {
        Path keystore = dataDir.resolve(KEYSTORE);
        Path plain = dataDir.resolve(PLAIN);
        if (source.isEmpty()) {
            if (Files.exists(keystore)) {
                throw new IllegalStateException("the node key " + keystore + " is encrypted: give its passphrase with"
                        + " numi.node-key.passphrase-source (file:PATH or env:VARIABLE)");
            }
            log.warn("the node identity key {} is not encrypted; set numi.node-key.passphrase-source (file:PATH or env:VARIABLE)"
                    + " to keep it in an encrypted keystore", plain);
            return IdentityFile.loadOrCreate(plain);
        }
        if (!Files.exists(keystore)) {
            char[] passphrase = read(source.get());
            try {
                if (Files.exists(plain)) {
                    byte[] seed = IdentityFile.load(plain).seed();
                    try {
                        new Keystore(new SecureRandom()).create(keystore, KeyKind.ED25519, seed, passphrase, kdf);
                    } finally {
                        Arrays.fill(seed, (byte) 0);
                    }
                } else {
                    new Keystore(new SecureRandom()).generate(keystore, KeyKind.ED25519, passphrase, kdf);
                }
            } catch (KeystoreException e) {
                throw new IllegalStateException("cannot write the node key " + keystore + ": " + e.getMessage(), e);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
        NodeIdentity identity = unlock(keystore, source.get());
        if (Files.exists(plain)) {
            if (!IdentityFile.load(plain).peerId().equals(identity.peerId())) {
                throw new IllegalStateException("both " + plain + " and " + keystore + " exist and hold different keys: keep one");
            }
            Files.delete(plain);
            log.info("moved the plain node key {} into the encrypted keystore {} (peer id {} unchanged)", plain, keystore,
                    identity.peerId().toBase58());
        }
        return identity;
    }

    /** The peer id of the keystore at {@code file}, read without its passphrase. */
    public static String peerId(Path file) throws KeystoreException {
        KeystoreHeader header = Keystore.inspect(file);
        return new Libp2pPublicKey(header.publicKey().toArray()).peerId().toBase58();
    }

    private static NodeIdentity unlock(Path keystore, PassphraseSource source) {
        char[] passphrase = read(source);
        try (UnlockedKey key = Keystore.unlock(keystore, passphrase)) {
            if (key.kind() != KeyKind.ED25519) {
                throw new IllegalStateException(keystore + " holds a " + key.kind().id() + " key, not a node identity (ed25519)");
            }
            byte[] seed = key.secret();
            try {
                return NodeIdentity.fromKeys(seed, key.publicKey().toArray());
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        } catch (KeystoreException e) {
            throw new IllegalStateException("cannot unlock the node key " + keystore + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static char[] read(PassphraseSource source) {
        try {
            return source.read();
        } catch (PassphraseException e) {
            throw new IllegalStateException("no passphrase for the node key from " + source.describe() + ": " + e.getMessage(), e);
        }
    }
}

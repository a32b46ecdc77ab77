package io.numicoin.devnet;

import io.numicoin.devnet.faucet.Faucet;
import io.numicoin.devnet.wallet.RandomSecretFile;
import io.numicoin.p2p.identity.IdentityFile;
import io.numicoin.p2p.identity.IdentityFileException;
import io.numicoin.p2p.identity.Libp2pPublicKey;
import io.numicoin.wallet.keystore.KeyKind;
import io.numicoin.wallet.keystore.Keystore;
import io.numicoin.wallet.keystore.KeystoreException;
import io.numicoin.wallet.passphrase.PassphraseException;
import io.numicoin.wallet.passphrase.PassphraseSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The devnet nodes' libp2p identity keys, made before the nodes start (node2 and node3 dial
 * node1 by its peer id): an encrypted keystore ({@code node-key.numikey}, Ed25519) in the node's
 * p2p directory, its passphrase 32 random bytes in {@code node-key.passphrase} (mode 0600), which
 * the node is given as {@code numi.node-key.passphrase-source=file:...}. A plain {@code node.key}
 * of an older data directory is left for the node to move into the keystore on its start; its
 * peer id is the same.
 */
final class NodeKeys {

    static final String KEYSTORE = "node-key.numikey";
    static final String PLAIN = "node.key";

    private NodeKeys() {
    }

    /** Node {@code p2pDir}'s peer id, its keystore made first when it has no key. */
    static String peerId(Path p2pDir, Path passphraseFile) throws IOException {
        Files.createDirectories(p2pDir);
        RandomSecretFile.ensure(passphraseFile, "node key passphrase");
        Path keystore = p2pDir.resolve(KEYSTORE);
        Path plain = p2pDir.resolve(PLAIN);
        try {
            if (!Files.exists(keystore)) {
                if (Files.exists(plain)) {
                    return IdentityFile.load(plain).peerId().toBase58();
                }
                char[] passphrase = PassphraseSource.file(passphraseFile).read();
                try {
                    // a 256-bit random passphrase needs no stretching: the faucet's cheap KDF
                    new Keystore(new SecureRandom()).generate(keystore, KeyKind.ED25519, passphrase, Faucet.KDF);
                } finally {
                    Arrays.fill(passphrase, '\0');
                }
            }
            return new Libp2pPublicKey(Keystore.inspect(keystore).publicKey().toArray()).peerId().toBase58();
        } catch (KeystoreException | PassphraseException | IdentityFileException e) {
            throw new IOException("the node key in " + p2pDir + ": " + e.getMessage(), e);
        }
    }
}

package io.numicoin.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.identity.IdentityFile;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.wallet.keystore.KeyKind;
import io.numicoin.wallet.keystore.Keystore;
import io.numicoin.wallet.keystore.UnlockedKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devnet makes each node's identity key encrypted, opened by a passphrase file, and keeps an old plain key's peer id. */
class NodeKeysTest {

    @TempDir
    Path dir;

    @Test
    void aNewNodeKeyIsAnEncryptedKeystoreOpenedByItsPassphraseFile() throws Exception {
        Path p2p = dir.resolve("node1/p2p");
        Path passphrase = p2p.resolve("node-key.passphrase");
        String peerId = NodeKeys.peerId(p2p, passphrase);
        assertThat(NodeKeys.peerId(p2p, passphrase)).isEqualTo(peerId);
        assertThat(p2p.resolve(NodeKeys.PLAIN)).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passphrase))).isEqualTo("rw-------");
        try (UnlockedKey key = Keystore.unlock(p2p.resolve(NodeKeys.KEYSTORE), Files.readString(passphrase).strip().toCharArray())) {
            assertThat(key.kind()).isEqualTo(KeyKind.ED25519);
            byte[] seed = key.secret();
            assertThat(NodeIdentity.fromKeys(seed, key.publicKey().toArray()).peerId().toBase58()).isEqualTo(peerId);
        }
    }

    @Test
    void anOldPlainKeyKeepsItsPeerIdForTheNodeToMoveIn() throws Exception {
        Path p2p = dir.resolve("node2/p2p");
        NodeIdentity old = IdentityFile.loadOrCreate(p2p.resolve(NodeKeys.PLAIN));
        assertThat(NodeKeys.peerId(p2p, p2p.resolve("node-key.passphrase"))).isEqualTo(old.peerId().toBase58());
        assertThat(p2p.resolve(NodeKeys.KEYSTORE)).doesNotExist();
    }
}

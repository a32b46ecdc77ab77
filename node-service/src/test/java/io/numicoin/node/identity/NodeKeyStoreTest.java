package io.numicoin.node.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.p2p.identity.IdentityFile;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.wallet.keystore.KdfParams;
import io.numicoin.wallet.passphrase.PassphraseSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's identity key in the keystore: made encrypted on the first start, the same identity on
 * the next, a plain {@code node.key} moved in with its peer id, and the refusals (an encrypted key
 * without a passphrase source, a wrong passphrase) that change nothing.
 */
class NodeKeyStoreTest {

    private static final KdfParams FAST = new KdfParams(8 * 1024, 1, 1);

    @TempDir
    Path dir;

    @Test
    void aNewNodeKeyIsAnEncryptedKeystoreWithNoPlainKeyBesideIt() throws Exception {
        Optional<PassphraseSource> source = Optional.of(PassphraseSource.file(passphrase("node passphrase")));
        NodeIdentity first = NodeKeyStore.loadOrCreate(dir, source, FAST);
        Path keystore = dir.resolve(NodeKeyStore.KEYSTORE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rw-------");
        assertThat(dir.resolve(NodeKeyStore.PLAIN)).doesNotExist();
        assertThat(NodeKeyStore.peerId(keystore)).isEqualTo(first.peerId().toBase58());
        assertThat(NodeKeyStore.loadOrCreate(dir, source, FAST).peerId()).isEqualTo(first.peerId());

        byte[] seed = first.seed();
        String file = HexFormat.of().formatHex(Files.readAllBytes(keystore));
        assertThat(file).doesNotContain(HexFormat.of().formatHex(seed));
    }

    @Test
    void aPlainNodeKeyMovesIntoTheKeystoreKeepingItsPeerId() throws Exception {
        NodeIdentity plain = IdentityFile.loadOrCreate(dir.resolve(NodeKeyStore.PLAIN));
        NodeIdentity moved = NodeKeyStore.loadOrCreate(dir, Optional.of(PassphraseSource.file(passphrase("secret"))), FAST);
        assertThat(moved.peerId()).isEqualTo(plain.peerId());
        assertThat(dir.resolve(NodeKeyStore.PLAIN)).doesNotExist();
        assertThat(NodeKeyStore.peerId(dir.resolve(NodeKeyStore.KEYSTORE))).isEqualTo(plain.peerId().toBase58());
    }

    @Test
    void withoutAPassphraseSourceThePlainKeyIsKeptAndAnEncryptedOneIsNeverBypassed() throws Exception {
        NodeIdentity plain = NodeKeyStore.loadOrCreate(dir.resolve("old"), Optional.empty(), FAST);
        assertThat(IdentityFile.load(dir.resolve("old").resolve(NodeKeyStore.PLAIN)).peerId()).isEqualTo(plain.peerId());

        NodeKeyStore.loadOrCreate(dir.resolve("new"), Optional.of(PassphraseSource.file(passphrase("x"))), FAST);
        assertThatThrownBy(() -> NodeKeyStore.loadOrCreate(dir.resolve("new"), Optional.empty(), FAST))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is encrypted");
        assertThat(dir.resolve("new").resolve(NodeKeyStore.PLAIN)).doesNotExist();
    }

    @Test
    void aWrongPassphraseStopsTheNodeAndChangesNothing() throws Exception {
        NodeKeyStore.loadOrCreate(dir, Optional.of(PassphraseSource.file(passphrase("right"))), FAST);
        byte[] before = Files.readAllBytes(dir.resolve(NodeKeyStore.KEYSTORE));
        assertThatThrownBy(() -> NodeKeyStore.loadOrCreate(dir, Optional.of(PassphraseSource.file(passphrase("wrong"))), FAST))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wrong passphrase");
        assertThat(Files.readAllBytes(dir.resolve(NodeKeyStore.KEYSTORE))).isEqualTo(before);
    }

    @Test
    void aPassphraseSourceSettingIsParsed() {
        assertThat(NodeKeyStore.source("")).isEmpty();
        assertThat(NodeKeyStore.source("file:/run/secrets/node")).get().extracting(PassphraseSource::describe).asString()
                .contains("/run/secrets/node");
        assertThatThrownBy(() -> NodeKeyStore.source("my passphrase")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("numi.node-key.passphrase-source");
    }

    private Path passphrase(String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "passphrase", ""), text + "\n");
    }
}

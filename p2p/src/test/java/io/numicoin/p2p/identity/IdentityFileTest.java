package io.numicoin.p2p.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityFileTest {

    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlyFileAndLoadsTheSameIdentity() throws Exception {
        Path file = dir.resolve("keys/node.key");
        NodeIdentity first = IdentityFile.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.size(file)).isEqualTo(68);
        NodeIdentity again = IdentityFile.loadOrCreate(file);
        assertThat(again.peerId()).isEqualTo(first.peerId());
        assertThat(first.peerId().toBase58()).startsWith("12D3KooW");
        byte[] message = {1, 2, 3};
        assertThat(again.publicKey().verify(message, first.sign(message))).isTrue();
    }

    @Test
    void refusesAFileOthersCanRead() throws Exception {
        Path file = dir.resolve("node.key");
        IdentityFile.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> IdentityFile.load(file))
                .isInstanceOfSatisfying(IdentityFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdentityFileException.Reason.INSECURE_PERMISSIONS))
                .hasMessageContaining("chmod 600");
    }

    @Test
    void refusesMalformedContent() throws Exception {
        Path file = dir.resolve("node.key");
        Files.write(file, new byte[] {8, 1, 0x12, 3, 1, 2, 3});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> IdentityFile.load(file))
                .isInstanceOfSatisfying(IdentityFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdentityFileException.Reason.MALFORMED));
    }

    @Test
    void refusesMismatchedKeys() throws Exception {
        Path file = dir.resolve("node.key");
        byte[] encoded = NodeIdentity.generate().encodePrivateKey();
        encoded[encoded.length - 1] ^= 1; // corrupt the public half
        Files.write(file, encoded);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> IdentityFile.load(file)).hasMessageContaining("does not match");
    }

    @Test
    void publicKeyProtobufMatchesThePeerIdEncoding() throws Exception {
        NodeIdentity id = NodeIdentity.generate();
        byte[] encoded = id.publicKey().encode();
        assertThat(encoded).hasSize(36).startsWith(0x08, 0x01, 0x12, 0x20);
        assertThat(Libp2pPublicKey.decode(encoded).peerId()).isEqualTo(id.peerId());
        assertThatThrownBy(() -> Libp2pPublicKey.decode(new byte[] {0x08, 0x00, 0x12, 0x01, 0x00}))
                .hasMessageContaining("unsupported public key type 0");
    }
}

package io.numicoin.devnet.faucet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.devnet.wallet.KeyFile;
import io.numicoin.devnet.wallet.WalletKeyException;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.params.NetworkParams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaucetTest {

    @TempDir
    Path dir;

    private final List<String> said = new ArrayList<>();

    @Test
    void aNewDevnetKeepsTheFaucetKeyInAKeystoreOpenedByAPrivatePassphraseFile() throws Exception {
        Faucet faucet = load();
        assertThat(faucet.keyFile()).isEqualTo(dir.resolve("faucet.numikey"));
        for (String file : List.of("faucet.numikey", "faucet.passphrase")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file)))).isEqualTo("rw-------");
        }
        assertThat(dir.resolve("faucet.key")).doesNotExist();
        assertThat(load().address()).isEqualTo(faucet.address());
        assertNoFileHolds(faucet.account().keys().privateKey());

        Files.writeString(dir.resolve("faucet.passphrase"), "another passphrase\n");
        assertThatThrownBy(this::load).isInstanceOf(WalletKeyException.class).hasMessageContaining("wrong passphrase for key 'faucet'");
    }

    @Test
    void aPlainTextFaucetKeyOfAnOlderDataDirectoryIsMovedIntoTheKeystore() throws Exception {
        MlDsaPrivateKey plain = KeyFile.create(dir.resolve("faucet.key"));
        Faucet faucet = load();
        assertThat(faucet.account().keys().privateKey()).isEqualTo(plain);
        assertThat(dir.resolve("faucet.key")).doesNotExist();
        assertThat(said).singleElement().asString().contains("moved the plain-text faucet key");
        assertNoFileHolds(plain);
        assertThat(load().account().keys().privateKey()).isEqualTo(plain);
    }

    private Faucet load() throws Exception {
        return Faucet.loadOrCreate(dir.resolve("faucet.numikey"), dir.resolve("faucet.passphrase"), dir.resolve("faucet.key"),
                NetworkParams.regtest(), said::add);
    }

    private void assertNoFileHolds(MlDsaPrivateKey key) throws Exception {
        byte[] seed = key.seed().toArray();
        String hex = HexFormat.of().formatHex(seed);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                assertThat(new String(content, StandardCharsets.ISO_8859_1))
                        .as("%s", file)
                        .doesNotContain(new String(seed, StandardCharsets.ISO_8859_1))
                        .doesNotContainIgnoringCase(hex);
            }
        }
    }
}

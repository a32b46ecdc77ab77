package io.numicoin.devnet.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.TransactionRules;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletTest {

    @TempDir
    Path dir;

    @Test
    void aKeyFileKeepsTheSeedOwnerOnlyAndIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("k.key");
        MlDsaPrivateKey created = KeyFile.create(file);
        assertThat(KeyFile.read(file)).isEqualTo(created);
        assertThat(KeyFile.readOrCreate(file)).isEqualTo(created);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThatThrownBy(() -> KeyFile.create(file)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void malformedKeyFilesAreRefused() throws Exception {
        Path shortSeed = Files.writeString(dir.resolve("a"), "mldsa65-seed: abcd\n");
        assertThatThrownBy(() -> KeyFile.read(shortSeed)).hasMessageContaining("64 hex digits");
        Path noSeed = Files.writeString(dir.resolve("b"), "# nothing\n");
        assertThatThrownBy(() -> KeyFile.read(noSeed)).hasMessageContaining("no 'mldsa65-seed:' line");
        Path large = Files.write(dir.resolve("c"), new byte[5000]);
        assertThatThrownBy(() -> KeyFile.read(large)).hasMessageContaining("larger than");
    }

    @Test
    void signedTransfersPassTheNodesStatelessRules() {
        NetworkParams regtest = NetworkParams.regtest();
        TransactionRules rules = new TransactionRules(regtest.chainId(), MlDsaProviders.preferred());
        Random random = new Random(20261125L);
        for (int i = 0; i < 3; i++) {
            byte[] seed = new byte[MlDsaPrivateKey.SIZE];
            random.nextBytes(seed);
            Account from = Account.of(new MlDsaPrivateKey(Bytes.of(seed)));
            random.nextBytes(seed);
            Account to = Account.of(new MlDsaPrivateKey(Bytes.of(seed)));
            TransferTx tx = new TransferSigner().sign(regtest.chainId(), from, 1 + i, to.address(),
                    Amount.parseNumi("1.5"), Amount.parseNumi("0.0001"), Bytes.of((byte) i));
            byte[] encoded = TransactionCodec.encode(tx);
            assertThat(rules.check(tx, TransactionCodec.txid(tx), encoded.length).isValid()).isTrue();
            TransferTx forged = tx.withSignatures(new TransferSigner().sign(regtest.chainId(), from, 99, to.address(),
                    Amount.parseNumi("1.5"), Amount.parseNumi("0.0001"), Bytes.EMPTY).signatures());
            assertThat(rules.check(forged, TransactionCodec.txid(forged), encoded.length).isValid()).isFalse();
        }
    }
}

package io.numicoin.wallet.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.wallet.keystore.KdfParams;
import io.numicoin.wallet.keystore.KeyKind;
import io.numicoin.wallet.keystore.Keystore;
import io.numicoin.wallet.keystore.UnlockedKey;
import io.numicoin.wallet.multisig.MultisigPolicies;
import io.numicoin.wallet.transfer.PartialTransfer;
import io.numicoin.wallet.transfer.PartialTransferFiles;
import io.numicoin.wallet.transfer.PartialTransferFinalizer;
import io.numicoin.wallet.transfer.PartialTransferSigner;
import io.numicoin.wallet.transfer.TransferFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline flow through the reference signer, run as its own process ({@code java
 * ReferenceSignerMain}, what {@code ./numi signer} runs) exactly as the wallet runs any external
 * signer: a 2-of-2 transfer signed by a wallet keystore on the "online" machine and by the
 * signer, whose key never leaves its own keystore on the "offline" one; then the signer's
 * refusals (another network, a policy without its key, a wrong passphrase) and the wallet's
 * refusals of signers that answer nonsense or nothing. No file the test leaves holds a private key.
 */
class ReferenceSignerOfflineTest {

    private static final KdfParams FAST = new KdfParams(8 * 1024, 1, 1);

    @TempDir
    static Path dir;

    private static Path signerKeystore;
    private static Path signerPassphrase;
    private static Path onlineKeystore;
    private static Path onlinePassphrase;

    @BeforeAll
    static void machines() throws Exception {
        Path offline = Files.createDirectories(dir.resolve("offline"));
        signerPassphrase = Files.writeString(offline.resolve("signer.passphrase"), "offline signer passphrase\n");
        signerKeystore = offline.resolve("signer.numikey");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ReferenceSignerMain.run(List.of("--keystore", signerKeystore.toString(), "--passphrase-source",
                "file:" + signerPassphrase, "init"), new ByteArrayInputStream(new byte[0]), new PrintStream(out), System.err, null,
                name -> null);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("signer key: rnumi1").contains("RECOVERY WORDS");

        Path online = Files.createDirectories(dir.resolve("online"));
        onlinePassphrase = Files.writeString(online.resolve("wallet.passphrase"), "online wallet passphrase\n");
        onlineKeystore = online.resolve("alice.numikey");
        byte[] seed = TransferFixtures.privateKey(1).seed().toArray();
        new Keystore(new SecureRandom()).create(onlineKeystore, KeyKind.ML_DSA_65_SEED, seed,
                "online wallet passphrase".toCharArray(), FAST);
    }

    @Test
    void aTwoOfTwoTransferSignedOnlineAndByTheOfflineSignerIsValid() throws Exception {
        MlDsaPublicKey signerKey = signer("regtest", signerPassphrase).keys().getFirst();
        assertThat(signerKey).isEqualTo(new MlDsaPublicKey(Keystore.inspect(signerKeystore).publicKey()));
        SpendingPolicy policy = MultisigPolicies.sorted(2, List.of(TransferFixtures.publicKey(1), signerKey));

        Path file = dir.resolve("online/pay.numiptx");
        PartialTransferFiles.write(file, PartialTransfer.unsigned(TransferFixtures.unsigned(policy, 1)), true);
        try (UnlockedKey key = Keystore.unlock(onlineKeystore, "online wallet passphrase".toCharArray())) {
            PartialTransferFiles.write(file, new PartialTransferSigner().sign(PartialTransferFiles.read(file), key.mlDsaPrivateKey())
                    .transfer(), true);
        }
        Path carried = Files.copy(file, Files.createDirectories(dir.resolve("offline/inbox")).resolve("pay.numiptx"));
        PartialTransfer signed = signer("regtest", signerPassphrase).sign("regtest", PartialTransferFiles.read(carried));
        assertThat(signed.status().isComplete()).isTrue();
        PartialTransferFiles.write(carried, signed, true);

        TransferTx tx = PartialTransferFinalizer.finalizeTransfer(PartialTransferFiles.read(carried));
        assertThat(new TransactionRules(TransferFixtures.REGTEST.chainId(), MlDsaProviders.consensus()).check(tx).isValid()).isTrue();
        assertNoPrivateKeyInAnyFile();
    }

    @Test
    void theSignerRefusesAnotherNetworkAPolicyWithoutItsKeyAndAWrongPassphrase() throws Exception {
        MlDsaPublicKey signerKey = new MlDsaPublicKey(Keystore.inspect(signerKeystore).publicKey());
        PartialTransfer withSigner = PartialTransfer.unsigned(TransferFixtures.unsigned(
                MultisigPolicies.sorted(2, List.of(TransferFixtures.publicKey(1), signerKey)), 2));
        assertThatThrownBy(() -> signer("testnet", signerPassphrase).sign("regtest", withSigner))
                .isInstanceOfSatisfying(SignerException.class, e -> assertThat(e.code()).isEqualTo(SignerProtocol.WRONG_NETWORK));

        PartialTransfer without = PartialTransfer.unsigned(TransferFixtures.unsigned(TransferFixtures.policy(2, 3), 1));
        assertThatThrownBy(() -> signer("regtest", signerPassphrase).sign("regtest", without))
                .isInstanceOfSatisfying(SignerException.class, e -> assertThat(e.code()).isEqualTo(SignerProtocol.KEY_NOT_IN_POLICY));

        Path wrong = Files.writeString(dir.resolve("offline/wrong.passphrase"), "not the passphrase\n");
        assertThatThrownBy(() -> signer("regtest", wrong).sign("regtest", withSigner))
                .isInstanceOfSatisfying(SignerException.class, e -> {
                    assertThat(e.code()).isEqualTo(SignerProtocol.LOCKED);
                    assertThat(e.getMessage()).contains("wrong passphrase");
                });
    }

    @Test
    void theWalletRefusesASignerThatAnswersNonsenseOrNothing() {
        PartialTransfer transfer = PartialTransfer.unsigned(TransferFixtures.unsigned(TransferFixtures.policy(2, 3), 1));
        assertThatThrownBy(() -> new ExternalSigner(List.of("echo", "hello"), Duration.ofSeconds(30)).sign("regtest", transfer))
                .isInstanceOfSatisfying(SignerException.class, e -> {
                    assertThat(e.code()).isEqualTo(SignerProtocol.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("not JSON");
                });
        assertThatThrownBy(() -> new ExternalSigner(List.of("sh", "-c", "sleep 30", "signer"), Duration.ofSeconds(1)).sign("regtest", transfer))
                .isInstanceOfSatisfying(SignerException.class, e -> assertThat(e.code()).isEqualTo("TIMEOUT"));
        assertThatThrownBy(() -> new ExternalSigner(List.of(dir.resolve("no-such-signer").toString()), Duration.ofSeconds(5)).keys())
                .isInstanceOfSatisfying(SignerException.class, e -> assertThat(e.code()).isEqualTo("NOT_STARTED"));
    }

    /** The reference signer as its own JVM, with this test's classpath. */
    private static ExternalSigner signer(String network, Path passphrase) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                ReferenceSignerMain.class.getName(), "--keystore", signerKeystore.toString(),
                "--passphrase-source", "file:" + passphrase, "--network", network));
        return new ExternalSigner(command, Duration.ofSeconds(60));
    }

    private static void assertNoPrivateKeyInAnyFile() throws Exception {
        List<byte[]> secrets = new ArrayList<>();
        secrets.add(TransferFixtures.privateKey(1).seed().toArray());
        try (UnlockedKey key = Keystore.unlock(signerKeystore, "offline signer passphrase".toCharArray())) {
            secrets.add(key.secret());
        }
        List<byte[]> needles = new ArrayList<>();
        for (byte[] secret : secrets) {
            needles.add(secret);
            needles.add(HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII));
            needles.add(HexFormat.of().withUpperCase().formatHex(secret).getBytes(StandardCharsets.US_ASCII));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] needle : needles) {
                    assertThat(indexOf(content, needle)).as("a private key in %s", file).isEqualTo(-1);
                }
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

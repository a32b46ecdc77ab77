package io.numicoin.devnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.transfer.PartialTransferException;
import io.numicoin.wallet.transfer.PartialTransferFailure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multisig and partially signed transfer commands through {@link WalletCommand#run}, offline
 * ({@code --nonce}): three cosigners with their keys in three directories exchange public key
 * files, make the same 2-of-3 policy, sign copies of one transfer, combine and finalize it into a
 * transaction the consensus rules accept; each step says what is missing; the refusals.
 */
class WalletMultisigCommandsTest {

    @TempDir
    Path dir;

    @Test
    void threeCosignersInThreeDirectoriesMakeAValidTwoOfThreeTransfer() throws Exception {
        String[] names = {"alice", "bob", "carol"};
        for (String name : names) {
            Path machine = Files.createDirectories(dir.resolve(name));
            Files.writeString(machine.resolve("passphrase"), name + "'s passphrase\n");
            wallet("create", "--name", name, "--wallet-dir", machine.resolve("wallets").toString(),
                    "--passphrase-source", "file:" + machine.resolve("passphrase"));
            wallet("public-key", "--key", name, "--wallet-dir", machine.resolve("wallets").toString(),
                    "--out", dir.resolve(name + ".pub").toString());
        }
        // alice makes the policy from her key (by name) and the others' public key files; bob from the files in another order
        List<String> policy = wallet("multisig", "create", "--name", "shared", "--threshold", "2", "--wallet-dir", wallets("alice"),
                "--keys", "alice," + dir.resolve("bob.pub") + "," + dir.resolve("carol.pub"));
        String address = value(policy, "address:");
        assertThat(policy).contains("policy:  2 of 3 keys (sorted by their bytes)");
        List<String> bobs = wallet("multisig", "create", "--name", "shared", "--threshold", "2", "--wallet-dir", wallets("bob"),
                "--keys", dir.resolve("carol.pub") + "," + dir.resolve("alice.pub") + ",bob");
        assertThat(value(bobs, "address:")).isEqualTo(address);
        assertThat(value(wallet("multisig", "inspect", "--policy", "shared", "--wallet-dir", wallets("alice")), "address:")).isEqualTo(address);

        Path unsigned = dir.resolve("alice/rent.numiptx");
        List<String> created = wallet("transfer", "create", "--policy", "shared", "--wallet-dir", wallets("alice"), "--nonce", "1",
                "--to", address, "--amount", "1.25", "--memo", "rent", "--out", unsigned.toString());
        assertThat(created).contains("from:      " + address + " (nonce 1)")
                .anyMatch(l -> l.startsWith("status:    2 more signatures needed (0 of 2), from any of keys 0, 1, 2"));

        for (String name : names) {
            Path copy = dir.resolve(name + "/inbox.numiptx");
            if (!Files.exists(copy)) {
                Files.copy(unsigned, copy);
            }
            List<String> signed = wallet("transfer", "sign", "--in", copy.toString(), "--key", name, "--wallet-dir", wallets(name),
                    "--passphrase-source", "file:" + dir.resolve(name + "/passphrase"));
            assertThat(signed).anyMatch(l -> l.startsWith("signed:    with key ")).contains("status:    1 more signature needed (1 of 2), "
                    + "from any of keys " + otherKeys(signed));
        }
        assertThatThrownBy(() -> wallet("transfer", "finalize", "--in", dir.resolve("bob/inbox.numiptx").toString(),
                "--out", dir.resolve("too-early.tx").toString()))
                .isInstanceOfSatisfying(PartialTransferException.class,
                        e -> assertThat(e.reason()).isEqualTo(PartialTransferFailure.NOT_ENOUGH_SIGNATURES));
        assertThat(dir.resolve("too-early.tx")).doesNotExist();

        Path combined = dir.resolve("alice/combined.numiptx");
        List<String> all = wallet("transfer", "combine", "--out", combined.toString(), dir.resolve("alice/inbox.numiptx").toString(),
                dir.resolve("bob/inbox.numiptx").toString(), dir.resolve("carol/inbox.numiptx").toString());
        assertThat(all).anyMatch(l -> l.startsWith("status:    complete: 3 of 2 needed signatures"));
        assertThat(wallet("transfer", "inspect", combined.toString())).filteredOn(l -> l.endsWith("  signed")).hasSize(3);

        Path finalTx = dir.resolve("alice/rent.tx");
        List<String> finalized = wallet("transfer", "finalize", "--in", combined.toString(), "--out", finalTx.toString());
        TransferTx tx = (TransferTx) TransactionCodec.decode(HexFormat.of().parseHex(Files.readString(finalTx).strip()));
        assertThat(value(finalized, "txid:")).isEqualTo(TransactionCodec.txid(tx).toHex());
        assertThat(tx.signatures()).hasSize(2);
        assertThat(new TransactionRules(NetworkParams.regtest().chainId(), MlDsaProviders.consensus()).check(tx).isValid()).isTrue();
    }

    @Test
    void aKeyOutsideThePolicyAndADamagedFileAreRefusedAndChangeNothing() throws Exception {
        for (String name : List.of("a", "b", "outsider")) {
            Files.writeString(Files.createDirectories(dir.resolve(name)).resolve("passphrase"), "pass " + name + "\n");
            wallet("create", "--name", name, "--wallet-dir", wallets(name), "--passphrase-source", "file:" + dir.resolve(name + "/passphrase"));
        }
        wallet("public-key", "--key", "b", "--wallet-dir", wallets("b"), "--out", dir.resolve("b.pub").toString());
        String address = value(wallet("multisig", "create", "--name", "ab", "--threshold", "2", "--wallet-dir", wallets("a"),
                "--keys", "a," + dir.resolve("b.pub")), "address:");
        Path file = dir.resolve("a/t.numiptx");
        wallet("transfer", "create", "--policy", "ab", "--wallet-dir", wallets("a"), "--nonce", "3", "--to", address, "--amount", "1",
                "--out", file.toString());
        byte[] before = Files.readAllBytes(file);
        Files.copy(dir.resolve("outsider/wallets/outsider.numikey"), dir.resolve("a/wallets/outsider.numikey"));
        assertThatThrownBy(() -> wallet("transfer", "sign", "--in", file.toString(), "--key", "outsider", "--wallet-dir", wallets("a"),
                "--passphrase-source", "file:" + dir.resolve("outsider/passphrase")))
                .isInstanceOfSatisfying(PartialTransferException.class,
                        e -> assertThat(e.reason()).isEqualTo(PartialTransferFailure.KEY_NOT_IN_POLICY));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        byte[] damaged = before.clone();
        damaged[damaged.length / 2] ^= 1;
        Path broken = Files.write(dir.resolve("a/broken.numiptx"), damaged);
        assertThatThrownBy(() -> wallet("transfer", "inspect", broken.toString()))
                .isInstanceOf(FileFormatException.class).hasMessageContaining("checksum does not match");
    }

    private String wallets(String machine) {
        return dir.resolve(machine + "/wallets").toString();
    }

    /** The keys not named in the "signed: with key N" line. */
    private static String otherKeys(List<String> lines) {
        int signed = Integer.parseInt(lines.stream().filter(l -> l.startsWith("signed:    with key ")).findFirst().orElseThrow()
                .substring("signed:    with key ".length()).split(" ")[0]);
        return String.join(", ", java.util.stream.IntStream.range(0, 3).filter(i -> i != signed).mapToObj(String::valueOf).toList());
    }

    private static String value(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " in " + lines))
                .substring(prefix.length()).strip().split(" ")[0];
    }

    private List<String> wallet(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = new WalletCommand(out, null, name -> null, new ByteArrayInputStream(new byte[0])).run(List.of(args));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(code).as("%s", lines).isZero();
        return lines;
    }
}

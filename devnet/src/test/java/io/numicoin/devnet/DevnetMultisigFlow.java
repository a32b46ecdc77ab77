package io.numicoin.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The 2-of-3 multisig spend of {@link DevnetSmokeIT}, on its running devnet: three "machines"
 * (directories), alice's and bob's keys in wallet keystores, carol's in the reference signer's own
 * keystore ({@code ./numi signer}); their policy is funded by the faucet; a transfer from it is made
 * on alice's machine, signed on each machine from its own copy (carol's through the external signer
 * protocol), the copies combined, finalized, broadcast and confirmed. Every step is a
 * {@code ./numi} process, as a user runs it.
 */
final class DevnetMultisigFlow {

    /** Runs {@code ./numi ARGS}, asserts exit code 0, returns its output lines. */
    interface Numi {
        List<String> run(String... args) throws Exception;
    }

    private final Path dir;
    private final Path numi;
    private final Numi cli;
    private final String node;
    private final String mempool;
    private final List<String> faucet;

    /**
     * @param faucet the {@code --key} and {@code --passphrase-source} options of the devnet's faucet
     */
    DevnetMultisigFlow(Path dir, Path numi, Numi cli, String node, String mempool, List<String> faucet) {
        this.dir = dir;
        this.numi = numi;
        this.cli = cli;
        this.node = node;
        this.mempool = mempool;
        this.faucet = faucet;
    }

    /** Returns the confirmed transfer's txid. */
    String spendTwoOfThree(Function<String, Long> balanceUnits) throws Exception {
        for (String name : List.of("alice", "bob")) {
            Path machine = Files.createDirectories(dir.resolve(name));
            Files.writeString(machine.resolve("passphrase"), name + "'s multisig passphrase\n");
            cli.run("wallet", "create", "--name", name, "--wallet-dir", wallets(name), "--passphrase-source", passphrase(name));
        }
        Path carol = Files.createDirectories(dir.resolve("carol"));
        Files.writeString(carol.resolve("passphrase"), "carol's signer passphrase\n");
        cli.run("signer", "--keystore", carol.resolve("signer.numikey").toString(), "--passphrase-source", passphrase("carol"), "init");
        String signer = numi + " signer --keystore " + carol.resolve("signer.numikey") + " --passphrase-source " + passphrase("carol");

        // bob hands alice his public key; carol's comes from her signer
        cli.run("wallet", "public-key", "--key", "bob", "--wallet-dir", wallets("bob"), "--out", dir.resolve("bob.pub").toString());
        List<String> policy = cli.run("wallet", "multisig", "create", "--name", "shared", "--threshold", "2", "--wallet-dir", wallets("alice"),
                "--keys", "alice," + dir.resolve("bob.pub"), "--signer", signer);
        String address = value(policy, "address:");
        String alice = cli.run("wallet", "address", "--key", "alice", "--wallet-dir", wallets("alice")).getLast().strip();

        cli.run(concat(List.of("wallet", "send", "--node", node, "--mempool", mempool, "--to", address, "--amount", "3", "--wait"), faucet));
        assertThat(balanceUnits.apply(address)).isEqualTo(300_000_000L);

        Path created = dir.resolve("alice/pay.numiptx");
        cli.run("wallet", "transfer", "create", "--policy", "shared", "--wallet-dir", wallets("alice"), "--node", node, "--mempool", mempool,
                "--to", alice, "--amount", "1", "--memo", "2-of-3", "--out", created.toString());
        for (String name : List.of("bob", "carol")) {
            Files.copy(created, dir.resolve(name + "/pay.numiptx"));
        }
        List<String> byAlice = cli.run("wallet", "transfer", "sign", "--in", created.toString(), "--key", "alice",
                "--wallet-dir", wallets("alice"), "--passphrase-source", passphrase("alice"));
        assertThat(byAlice).anyMatch(l -> l.startsWith("status:    1 more signature needed"));
        cli.run("wallet", "transfer", "sign", "--in", dir.resolve("bob/pay.numiptx").toString(), "--key", "bob",
                "--wallet-dir", wallets("bob"), "--passphrase-source", passphrase("bob"));
        List<String> byCarol = cli.run("wallet", "transfer", "sign", "--in", dir.resolve("carol/pay.numiptx").toString(), "--signer", signer);
        assertThat(byCarol).anyMatch(l -> l.startsWith("signed:    by the external signer"));

        // the signed copies travel back to alice
        Path fromBob = Files.copy(dir.resolve("bob/pay.numiptx"), dir.resolve("alice/from-bob.numiptx"));
        Path fromCarol = Files.copy(dir.resolve("carol/pay.numiptx"), dir.resolve("alice/from-carol.numiptx"));
        Path combined = dir.resolve("alice/combined.numiptx");
        List<String> all = cli.run("wallet", "transfer", "combine", "--out", combined.toString(), created.toString(), fromBob.toString(),
                fromCarol.toString());
        assertThat(all).anyMatch(l -> l.startsWith("status:    complete: 3 of 2"));
        Path finalTx = dir.resolve("alice/pay.tx");
        cli.run("wallet", "transfer", "finalize", "--in", combined.toString(), "--out", finalTx.toString());
        List<String> broadcast = cli.run("wallet", "transfer", "broadcast", "--in", finalTx.toString(), "--node", node, "--wait");
        assertThat(broadcast).as("%s", broadcast).contains("status:    ACCEPTED by the mempool: ADDED")
                .anyMatch(l -> l.startsWith("confirmed in block"));

        List<String> history = cli.run("wallet", "history", "--policy", "shared", "--wallet-dir", wallets("alice"), "--node", node);
        assertThat(history).anyMatch(l -> l.contains("SENT") && l.contains("-1.00000000 NUMI") && l.contains(alice));
        return value(broadcast, "txid:");
    }

    private String wallets(String machine) {
        return dir.resolve(machine + "/wallets").toString();
    }

    private String passphrase(String machine) {
        return "file:" + dir.resolve(machine + "/passphrase");
    }

    private static String[] concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toArray(String[]::new);
    }

    private static String value(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " in " + lines))
                .substring(prefix.length()).strip().split(" ")[0];
    }
}

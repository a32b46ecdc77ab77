package io.numicoin.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The compose file's {@code wallet} tool as a user with only Docker runs it: {@code docker-compose run
 * --rm -T wallet <command>}, one container per command, its keys in the project's {@code wallet-data}
 * volume. Passphrases come from a file of the test's own, bind-mounted read-only at
 * {@value #PASSPHRASE} (readable by the container's user; the parent directory keeps it private on
 * the host), as docs/docker.md shows.
 */
final class WalletContainer {

    static final String SERVICE = "wallet";
    static final String PASSPHRASE = "/run/secrets/wallet.passphrase";

    private final ComposeStack stack;
    private final String bind;

    private WalletContainer(ComposeStack stack, Path passphraseFile) {
        this.stack = stack;
        this.bind = passphraseFile.toAbsolutePath() + ":" + PASSPHRASE + ":ro";
    }

    /** With a new random passphrase in {@code dir/wallet.passphrase}. */
    static WalletContainer withNewPassphrase(ComposeStack stack, Path dir) {
        Path file = dir.resolve("wallet.passphrase");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, HexFormat.of().formatHex(new SecureRandom().generateSeed(16)) + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WalletContainer(stack, file);
    }

    /** {@code --passphrase-source} for the mounted file. */
    static String passphraseSource() {
        return "file:" + PASSPHRASE;
    }

    /** Runs {@code wallet <args>} in a container of its own; its output lines, or a failure showing them. */
    List<String> run(String... args) {
        Command.Result result = stack.run(SERVICE, List.of(bind), List.of(args));
        if (!result.ok()) {
            // the wallet talks to the gateway, which asks the nodes and the mempool: their logs say why it failed
            throw new AssertionError("docker-compose run " + SERVICE + " " + args[0] + " exited " + result.exitCode() + ":\n"
                    + Command.tail(result.output(), 3000) + "\n" + stack.logTails(List.of("gateway", "mempool", "node1"), 60));
        }
        return result.output().lines().toList();
    }

    /** The value of the line {@code label} starts (e.g. {@code "address:"}), stripped. */
    static String value(List<String> lines, String label) {
        return lines.stream().filter(l -> l.startsWith(label)).map(l -> l.substring(label.length()).strip()).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + label + "' in:\n" + String.join("\n", lines)));
    }
}

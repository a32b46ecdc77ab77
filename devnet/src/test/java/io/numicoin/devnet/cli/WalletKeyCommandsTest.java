package io.numicoin.devnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.devnet.wallet.WalletKeyException;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.wallet.recovery.KeyRecovery;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./numi wallet}'s key commands through the CLI's entry point ({@link WalletCommand#run}),
 * without a terminal: passphrases come from files (and one environment variable naming a file).
 */
class WalletKeyCommandsTest {

    private static final Pattern WORD = Pattern.compile("\\d+\\. ([a-z]+)");

    @TempDir
    Path dir;

    private String stdin = "";

    @Test
    void createWritesAnEncryptedKeyAndShowsItsWordsOnceAndNoPlainTextSecretAnywhere() throws Exception {
        Path wallets = dir.resolve("wallets");
        String source = "file:" + passphraseFile("p1", "first passphrase");

        List<String> created = wallet("create", "--name", "alice", "--wallet-dir", wallets.toString(), "--passphrase-source", source);
        String address = value(created, "address:");
        List<String> words = words(created);
        assertThat(words).hasSize(24);
        assertThat(String.join("\n", created)).contains("shown only this once");

        Path file = wallets.resolve("alice.numikey");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.size(file)).isEqualTo(2107);
        assertThat(wallet("list", "--wallet-dir", wallets.toString())).singleElement().asString()
                .startsWith("alice").endsWith(address);
        assertThat(wallet("address", "--key", "alice", "--wallet-dir", wallets.toString())).containsExactly(address);
        assertThat(wallet("address", "--key", file.toString())).containsExactly(address);

        // The secret is the seed the words encode: neither its bytes nor its hex are in any file written.
        byte[] seed = KeyRecovery.recover(String.join(" ", words)).privateKey().seed().toArray();
        assertNoFileContains(seed);
        // The words are not stored either (only shown).
        assertNoFileContains(String.join(" ", words).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void importFromTheWordsGivesTheSameAddress() throws Exception {
        String source = "file:" + passphraseFile("p", "a passphrase");
        List<String> created = wallet("create", "--name", "k", "--wallet-dir", dir.resolve("one").toString(), "--passphrase-source", source);
        String phrase = String.join(" ", words(created));

        List<String> fromOption = wallet("import", "--words", phrase, "--name", "k",
                "--wallet-dir", dir.resolve("two").toString(), "--passphrase-source", source);
        assertThat(value(fromOption, "address:")).isEqualTo(value(created, "address:"));

        Path wordsFile = Files.writeString(dir.resolve("words.txt"), phrase.toUpperCase().replace(" ", "\n  ") + "\n");
        List<String> fromFile = wallet("import", "--words-file", wordsFile.toString(), "--name", "restored",
                "--wallet-dir", dir.resolve("three").toString(), "--passphrase-source", source);
        assertThat(value(fromFile, "address:")).isEqualTo(value(created, "address:"));

        stdin = phrase + "\n";
        List<String> fromStdin = wallet("import", "--words-file", "-", "--wallet-dir", dir.resolve("four").toString(),
                "--passphrase-source", source);
        assertThat(value(fromStdin, "address:")).isEqualTo(value(created, "address:"));
        assertThat(wallet("list", "--wallet-dir", dir.resolve("four").toString())).singleElement().asString().startsWith("default");

        String[] wrong = phrase.split(" ");
        wrong[23] = wrong[23].equals("abandon") ? "ability" : "abandon";
        assertThatThrownBy(() -> wallet("import", "--words", String.join(" ", wrong), "--wallet-dir", dir.resolve("five").toString(),
                "--passphrase-source", source)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checksum");
        assertThat(dir.resolve("five")).doesNotExist();
    }

    @Test
    void aWrongPassphraseChangesNothingAndPassphraseChangeTakesTheNewOne() throws Exception {
        String wallets = dir.resolve("w").toString();
        String first = "file:" + passphraseFile("p1", "first passphrase");
        String second = "file:" + passphraseFile("p2", "second passphrase");
        wallet("create", "--name", "bob", "--wallet-dir", wallets, "--passphrase-source", first);
        Path file = Path.of(wallets, "bob.numikey");
        byte[] before = Files.readAllBytes(file);

        // send unlocks before it talks to a node (port 9 is discard: nothing answers there).
        assertThatThrownBy(() -> wallet("send", "--key", "bob", "--wallet-dir", wallets, "--passphrase-source", second,
                "--to", "x", "--amount", "1", "--node", "http://127.0.0.1:9"))
                .isInstanceOf(WalletKeyException.class).hasMessageContaining("wrong passphrase for key 'bob'");
        assertThatThrownBy(() -> wallet("passphrase", "--name", "bob", "--wallet-dir", wallets,
                "--passphrase-source", second, "--new-passphrase-source", first))
                .isInstanceOf(WalletKeyException.class).hasMessageContaining("wrong passphrase for key 'bob'");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        assertThat(wallet("passphrase", "--name", "bob", "--wallet-dir", wallets,
                "--passphrase-source", first, "--new-passphrase-source", second)).singleElement().asString().startsWith("passphrase changed");
        assertThat(Files.readAllBytes(file)).isNotEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThatThrownBy(() -> wallet("passphrase", "--name", "bob", "--wallet-dir", wallets,
                "--passphrase-source", first, "--new-passphrase-source", first))
                .hasMessageContaining("wrong passphrase for key 'bob'");
        // The new passphrase opens it, here given as env:VARIABLE naming the file.
        assertThat(wallet(Map.of("BOB_PASSPHRASE_FILE", dir.resolve("p2").toString()), "passphrase", "--name", "bob",
                "--wallet-dir", wallets, "--passphrase-source", "env:BOB_PASSPHRASE_FILE", "--new-passphrase-source", first))
                .singleElement().asString().startsWith("passphrase changed");
    }

    @Test
    void clearErrorsForNoTerminalAnUnknownNameAndADamagedFile() throws Exception {
        String wallets = dir.resolve("w").toString();
        assertThatThrownBy(() -> wallet("create", "--name", "c", "--wallet-dir", wallets))
                .isInstanceOf(WalletKeyException.class)
                .hasMessageContaining("no terminal").hasMessageContaining("file:PATH").hasMessageContaining("env:VARIABLE");
        assertThat(Path.of(wallets, "c.numikey")).doesNotExist();

        String source = "file:" + passphraseFile("p", "pass");
        wallet("create", "--name", "c", "--wallet-dir", wallets, "--passphrase-source", source);
        assertThatThrownBy(() -> wallet("address", "--key", "carol", "--wallet-dir", wallets))
                .isInstanceOf(WalletKeyException.class).hasMessageContaining("unknown key name 'carol'").hasMessageContaining("known keys: c");
        assertThatThrownBy(() -> wallet("create", "--name", "c", "--wallet-dir", wallets, "--passphrase-source", source))
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> wallet("create", "--name", "../escape", "--wallet-dir", wallets, "--passphrase-source", source))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key name");

        Path file = Path.of(wallets, "c.numikey");
        byte[] bytes = Files.readAllBytes(file);
        bytes[100] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> wallet("send", "--key", "c", "--wallet-dir", wallets, "--passphrase-source", source,
                "--to", "x", "--amount", "1", "--node", "http://127.0.0.1:9"))
                .isInstanceOf(WalletKeyException.class).hasMessageContaining("is damaged").hasMessageContaining("import");
        assertThat(wallet("list", "--wallet-dir", wallets)).singleElement().asString().contains("unreadable");
    }

    @Test
    void plainTextNewNeedsTheInsecureFlag() throws Exception {
        Path key = dir.resolve("plain.key");
        assertThatThrownBy(() -> wallet("new", "--key", key.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--insecure-plaintext");
        assertThat(key).doesNotExist();
        List<String> made = wallet("new", "--insecure-plaintext", "--key", key.toString());
        assertThat(made.getFirst()).contains("NOT ENCRYPTED");
        assertThat(wallet("address", "--key", key.toString())).containsExactly(value(made, "address:"));
    }

    private List<String> wallet(String... args) throws Exception {
        return wallet(Map.of(), args);
    }

    private List<String> wallet(Map<String, String> environment, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = new WalletCommand(out, null, environment::get, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                .run(List.of(args));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(code).as("%s", lines).isZero();
        return lines;
    }

    private Path passphraseFile(String name, String passphrase) throws Exception {
        return Files.writeString(dir.resolve(name), passphrase + "\n");
    }

    private static String value(List<String> lines, String label) {
        return lines.stream().filter(l -> l.startsWith(label)).findFirst().orElseThrow().substring(label.length()).strip();
    }

    private static List<String> words(List<String> lines) {
        List<String> words = new ArrayList<>();
        for (String line : lines) {
            Matcher m = WORD.matcher(line);
            while (m.find()) {
                words.add(m.group(1));
            }
        }
        return words;
    }

    private void assertNoFileContains(byte[] secret) throws Exception {
        byte[] hex = HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII);
        byte[] upperHex = HexFormat.of().withUpperCase().formatHex(secret).getBytes(StandardCharsets.US_ASCII);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            for (byte[] needle : List.of(secret, hex, upperHex)) {
                assertThat(indexOf(content, needle)).as("%s holds the secret", file).isEqualTo(-1);
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

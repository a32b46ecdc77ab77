package io.numicoin.devnet.cli;

import io.numicoin.devnet.wallet.Account;
import io.numicoin.devnet.wallet.KeyFile;
import io.numicoin.devnet.wallet.WalletKeyException;
import io.numicoin.devnet.wallet.WalletKeys;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.wallet.keystore.UnlockedKey;
import io.numicoin.wallet.passphrase.PassphraseException;
import io.numicoin.wallet.passphrase.PassphraseSource;
import io.numicoin.wallet.recovery.KeyRecovery;
import io.numicoin.wallet.recovery.MnemonicException;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The key commands of {@code ./numi wallet}: create, import, list, passphrase (encrypted keystores
 * in the wallet directory, {@link WalletKeys}), the plain-text {@code new --insecure-plaintext},
 * and which key {@code address}, {@code balance} and {@code send} use ({@code --key NAME}, a key
 * file, or the devnet's faucet).
 */
final class WalletKeyCommands {

    static final String DEFAULT_NAME = "default";
    private static final long MAX_WORDS_BYTES = 4096;

    private final PrintStream out;
    private final Console console;
    private final UnaryOperator<String> environment;
    private final InputStream stdin;

    WalletKeyCommands(PrintStream out, Console console, UnaryOperator<String> environment, InputStream stdin) {
        this.out = out;
        this.console = console;
        this.environment = environment;
        this.stdin = stdin;
    }

    int create(Map<String, String> options) throws WalletKeyException {
        WalletKeys keys = keys(options);
        String name = options.getOrDefault("--name", DEFAULT_NAME);
        MlDsaPrivateKey key = MlDsaPrivateKey.generate(new SecureRandom());
        WalletKeys.Entry entry = keys.store(name, key, source(options, "--passphrase-source", true));
        List<String> words = KeyRecovery.mnemonic(key);
        describe(entry, options);
        out.println();
        out.println("RECOVERY WORDS, shown only this once. Write them down on paper and keep them offline:");
        out.println("anyone who has them can spend this key's coins, and without them (or the keystore and its");
        out.println("passphrase) the coins are lost. ./numi wallet import --words-file FILE recreates the key.");
        for (int i = 0; i < words.size(); i += 6) {
            StringBuilder line = new StringBuilder(" ");
            for (int j = i; j < i + 6; j++) {
                line.append(String.format(" %2d. %-9s", j + 1, words.get(j)));
            }
            out.println(line.toString().stripTrailing());
        }
        return 0;
    }

    int importWords(Map<String, String> options) throws IOException, WalletKeyException {
        String phrase = words(options);
        MlDsaKeyPair recovered;
        try {
            recovered = KeyRecovery.recover(phrase);
        } catch (MnemonicException e) {
            throw new IllegalArgumentException("the recovery words are not valid: " + e.getMessage());
        }
        WalletKeys keys = keys(options);
        WalletKeys.Entry entry = keys.store(options.getOrDefault("--name", DEFAULT_NAME), recovered.privateKey(),
                source(options, "--passphrase-source", true));
        describe(entry, options);
        return 0;
    }

    int list(Map<String, String> options) throws IOException {
        WalletKeys keys = keys(options);
        List<String> names = keys.names();
        if (names.isEmpty()) {
            out.println("no keys in " + keys.dir().toAbsolutePath().normalize() + " (./numi wallet create --name NAME)");
            return 0;
        }
        Network network = network(options);
        for (String name : names) {
            try {
                out.println(String.format("%-16s %s", name, encode(keys.inspect(name).address(), network)));
            } catch (WalletKeyException e) {
                out.println(String.format("%-16s unreadable: %s", name, e.getMessage()));
            }
        }
        return 0;
    }

    int changePassphrase(Map<String, String> options) throws WalletKeyException {
        WalletKeys keys = keys(options);
        String name = options.getOrDefault("--name", options.getOrDefault("--key", DEFAULT_NAME));
        WalletKeys.Entry entry = keys.changePassphrase(name, source(options, "--passphrase-source", false),
                source(options, "--new-passphrase-source", true));
        out.println("passphrase changed (new salt and nonce, " + entry.file().toAbsolutePath().normalize() + ")");
        return 0;
    }

    int insecurePlaintext(Map<String, String> options, Path defaultFile) throws IOException {
        if (!options.containsKey("--insecure-plaintext")) {
            throw new IllegalArgumentException("'new' writes an unencrypted key: use ./numi wallet create (encrypted,"
                    + " with recovery words), or add --insecure-plaintext for a throwaway devnet key");
        }
        Path file = Path.of(options.getOrDefault("--key", defaultFile.toString()));
        Account account = Account.of(KeyFile.create(file));
        out.println("key:     " + file.toAbsolutePath().normalize() + " (mode 0600, NOT ENCRYPTED: devnet only)");
        out.println("address: " + encode(account.address(), network(options)));
        return 0;
    }

    /**
     * The devnet faucet's key, the default of {@code address}, {@code balance} and {@code send}: its
     * keystore unlocked with the passphrase file beside it, or the plain-text file of a data
     * directory the devnet has not migrated yet.
     */
    record FaucetFiles(Path keystore, Path passphrase, Path plain) {
    }

    /** The address of the key {@code --key} names, read without a passphrase. */
    Address address(Map<String, String> options, FaucetFiles faucet) throws IOException, WalletKeyException {
        String key = options.get("--key");
        if (key == null) {
            return Files.exists(faucet.keystore())
                    ? WalletKeys.address(WalletKeys.header("faucet", faucet.keystore()))
                    : Account.of(KeyFile.read(faucet.plain())).address();
        }
        WalletKeys keys = keys(options);
        Path file = keystoreFile(keys, key);
        if (file != null) {
            return WalletKeys.address(WalletKeys.header(key, file));
        }
        return Account.of(KeyFile.read(Path.of(key))).address();
    }

    /** The private key {@code --key} names, a keystore unlocked with {@code --passphrase-source}. */
    MlDsaPrivateKey signingKey(Map<String, String> options, FaucetFiles faucet) throws IOException, WalletKeyException {
        String key = options.get("--key");
        if (key == null) {
            if (!Files.exists(faucet.keystore())) {
                return KeyFile.read(faucet.plain());
            }
            PassphraseSource source = options.containsKey("--passphrase-source")
                    ? source(options, "--passphrase-source", false) : PassphraseSource.file(faucet.passphrase());
            try (UnlockedKey unlocked = WalletKeys.unlockFile("faucet", faucet.keystore(), source)) {
                return unlocked.mlDsaPrivateKey();
            }
        }
        WalletKeys keys = keys(options);
        Path file = keystoreFile(keys, key);
        if (file == null) {
            return KeyFile.read(Path.of(key));
        }
        try (UnlockedKey unlocked = WalletKeys.unlockFile(key, file, source(options, "--passphrase-source", false))) {
            return unlocked.mlDsaPrivateKey();
        }
    }

    /**
     * The keystore {@code key} refers to: a name in the wallet directory, else a file that is a
     * keystore; null for a plain-text key file. An unknown name (no such key, no such file) fails.
     */
    private static Path keystoreFile(WalletKeys keys, String key) throws IOException, WalletKeyException {
        boolean pathLike = key.contains("/") || key.contains(".") || key.contains("\\");
        if (!pathLike) {
            Path named = keys.file(key);
            if (Files.isRegularFile(named) || !Files.isRegularFile(Path.of(key))) {
                return keys.inspect(key).file();   // fails with "unknown key name" and the known names
            }
        }
        Path file = Path.of(key);
        if (!Files.isRegularFile(file)) {
            throw new WalletKeyException("no key file at " + file + " (a key name is looked up in " + keys.dir() + ")");
        }
        return WalletKeys.isKeystore(file) ? file : null;
    }

    private void describe(WalletKeys.Entry entry, Map<String, String> options) {
        out.println("name:    " + entry.name());
        out.println("key:     " + entry.file().toAbsolutePath().normalize() + " (mode 0600, encrypted: Argon2id + AES-256-GCM)");
        out.println("address: " + encode(entry.address(), network(options)));
    }

    /** {@code --words "..."}, or {@code --words-file PATH} ({@code -}: standard input), at most 4 KiB. */
    private String words(Map<String, String> options) throws IOException {
        if (options.containsKey("--words")) {
            return options.get("--words");
        }
        String from = options.get("--words-file");
        if (from == null) {
            throw new IllegalArgumentException("import needs --words \"24 words\" or --words-file FILE (- for standard input)");
        }
        byte[] bytes;
        if (from.equals("-")) {
            bytes = stdin.readNBytes((int) MAX_WORDS_BYTES + 1);
        } else {
            try (InputStream in = Files.newInputStream(Path.of(from))) {
                bytes = in.readNBytes((int) MAX_WORDS_BYTES + 1);
            }
        }
        if (bytes.length > MAX_WORDS_BYTES) {
            throw new IllegalArgumentException("--words-file: more than " + MAX_WORDS_BYTES + " bytes, not 24 words");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private PassphraseSource source(Map<String, String> options, String option, boolean newPassphrase) {
        try {
            return PassphraseSource.parse(options.getOrDefault(option, "prompt"), console, environment, newPassphrase);
        } catch (PassphraseException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private static WalletKeys keys(Map<String, String> options) {
        return new WalletKeys(Path.of(options.getOrDefault("--wallet-dir", WalletEnvironment.current().walletDir().toString())));
    }

    private static Network network(Map<String, String> options) {
        return Network.fromId(options.getOrDefault("--network", "regtest"));
    }

    private static String encode(Address address, Network network) {
        return AddressFormat.encode(address, NetworkParams.of(network).hrp());
    }
}

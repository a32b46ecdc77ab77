package io.numicoin.devnet.wallet;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.wallet.keystore.KdfParams;
import io.numicoin.wallet.keystore.KeyKind;
import io.numicoin.wallet.keystore.Keystore;
import io.numicoin.wallet.keystore.KeystoreException;
import io.numicoin.wallet.keystore.KeystoreHeader;
import io.numicoin.wallet.keystore.UnlockedKey;
import io.numicoin.wallet.passphrase.PassphraseException;
import io.numicoin.wallet.passphrase.PassphraseSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The wallet directory: one encrypted keystore per key, {@code <dir>/<name>.numikey}
 * (docs/keystore.md). Finds keys by name, lists them without a passphrase, creates, unlocks and
 * re-encrypts them, and turns the keystore's and passphrase source's failures into messages that
 * name the key and say what to do.
 */
public final class WalletKeys {

    public static final String SUFFIX = ".numikey";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final byte[] MAGIC = "NUMIKEY\0".getBytes(StandardCharsets.US_ASCII);

    private final Path dir;
    private final Keystore keystore = new Keystore(new SecureRandom());

    public WalletKeys(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** A key in the wallet directory: its name, file and (read without the passphrase) address. */
    public record Entry(String name, Path file, Address address) {
    }

    /** Where the key {@code name} lives; the name is checked (letters, digits, '-', '_'). */
    public Path file(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key name is 1 to 64 letters, digits, '-' or '_' (not starting with"
                    + " '-' or '_'), got '" + name + "'");
        }
        return dir.resolve(name + SUFFIX);
    }

    /** The names of the keystores in the directory, sorted (none when the directory does not exist). */
    public List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                names.add(name.substring(0, name.length() - SUFFIX.length()));
            }
        }
        names.sort(String::compareTo);
        return names;
    }

    /** The entry of {@code name}, read without the passphrase. */
    public Entry inspect(String name) throws WalletKeyException {
        Path file = existing(name);
        return new Entry(name, file, address(header(name, file)));
    }

    /** Stores {@code key} (recovered from its words) as {@code name}. */
    public Entry store(String name, MlDsaPrivateKey key, PassphraseSource source) throws WalletKeyException {
        Path file = fresh(name);
        char[] passphrase = passphrase(name, source);
        byte[] seed = key.seed().toArray();
        try {
            return new Entry(name, file, address(keystore.create(file, KeyKind.ML_DSA_65_SEED, seed, passphrase, KdfParams.DEFAULT)));
        } catch (KeystoreException e) {
            throw failure(name, file, e);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Decrypts {@code name} with the passphrase from {@code source}; close the result when done. */
    public UnlockedKey unlock(String name, PassphraseSource source) throws WalletKeyException {
        return unlockFile(name, existing(name), source);
    }

    /** Decrypts the keystore at {@code file} (given by path rather than name). */
    public static UnlockedKey unlockFile(String label, Path file, PassphraseSource source) throws WalletKeyException {
        char[] passphrase = passphrase(label, source);
        try {
            return Keystore.unlock(file, passphrase);
        } catch (KeystoreException e) {
            throw failure(label, file, e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Re-encrypts {@code name} under a new passphrase; a wrong old one changes nothing. */
    public Entry changePassphrase(String name, PassphraseSource old, PassphraseSource replacement) throws WalletKeyException {
        Path file = existing(name);
        char[] oldPassphrase = passphrase(name, old);
        char[] newPassphrase = null;
        try (UnlockedKey checked = Keystore.unlock(file, oldPassphrase)) {
            newPassphrase = passphrase(name, replacement);
            return new Entry(name, file, address(keystore.changePassphrase(file, oldPassphrase, newPassphrase, KdfParams.DEFAULT)));
        } catch (KeystoreException e) {
            throw failure(name, file, e);
        } finally {
            Arrays.fill(oldPassphrase, '\0');
            if (newPassphrase != null) {
                Arrays.fill(newPassphrase, '\0');
            }
        }
    }

    /** Whether {@code file} starts with the keystore magic (else it may be a plain-text devnet key file). */
    public static boolean isKeystore(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    public static Address address(KeystoreHeader header) {
        if (header.kind() != KeyKind.ML_DSA_65_SEED) {
            throw new IllegalArgumentException("the keystore holds a " + header.kind().id() + " key, not a wallet key");
        }
        return SpendingPolicyCodec.address(SpendingPolicy.singleKey(new MlDsaPublicKey(header.publicKey())));
    }

    public static KeystoreHeader header(String label, Path file) throws WalletKeyException {
        try {
            return Keystore.inspect(file);
        } catch (KeystoreException e) {
            throw failure(label, file, e);
        }
    }

    private Path existing(String name) throws WalletKeyException {
        Path file = file(name);
        if (Files.isRegularFile(file)) {
            return file;
        }
        List<String> known;
        try {
            known = names();
        } catch (IOException e) {
            known = List.of();
        }
        throw new WalletKeyException("unknown key name '" + name + "': no " + file + " ("
                + (known.isEmpty() ? "the wallet directory has no keys; make one with ./numi wallet create --name " + name
                        : "known keys: " + String.join(", ", known) + "; ./numi wallet list")
                + ")");
    }

    private Path fresh(String name) throws WalletKeyException {
        Path file = file(name);
        if (Files.exists(file)) {
            throw new WalletKeyException("a key named '" + name + "' exists already (" + file + "); not overwritten");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WalletKeyException("cannot create the wallet directory " + dir + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static char[] passphrase(String name, PassphraseSource source) throws WalletKeyException {
        try {
            return source.read();
        } catch (PassphraseException e) {
            throw new WalletKeyException("no passphrase for key '" + name + "' from " + source.describe() + ": " + e.getMessage(), e);
        }
    }

    private static WalletKeyException failure(String name, Path file, KeystoreException e) {
        String message = switch (e.reason()) {
            case WRONG_PASSPHRASE -> "wrong passphrase for key '" + name + "' (" + file + "); nothing was changed";
            case NOT_A_KEYSTORE, TRUNCATED, CORRUPTED, MALFORMED, KEY_MISMATCH -> "the keystore of key '" + name + "' ("
                    + file + ") is damaged: " + e.getMessage() + "; restore it from its 24 recovery words with"
                    + " ./numi wallet import --name NAME --words-file FILE";
            case UNSUPPORTED_VERSION, UNSUPPORTED_PARAMETERS, UNKNOWN_KIND -> "the keystore of key '" + name + "' (" + file
                    + ") was written by a newer or different program: " + e.getMessage();
            case IO, ALREADY_EXISTS, EMPTY_PASSPHRASE -> "key '" + name + "' (" + file + "): " + e.getMessage();
        };
        return new WalletKeyException(message, e);
    }
}

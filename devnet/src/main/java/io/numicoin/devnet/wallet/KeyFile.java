package io.numicoin.devnet.wallet;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A single ML-DSA-65 key in a small text file (mode 0600): a comment and the line
 * {@code mldsa65-seed: <64 hex digits>} (the FIPS 204 key generation seed). Not encrypted: for
 * the devnet's faucet and throwaway regtest keys, not for real money.
 */
public final class KeyFile {

    private static final String PREFIX = "mldsa65-seed:";
    private static final long MAX_BYTES = 4096;

    private KeyFile() {
    }

    /** Reads the key at {@code path}. */
    public static MlDsaPrivateKey read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("no key file at " + path);
        }
        if (Files.size(path) > MAX_BYTES) {
            throw new IOException(path + " is not a key file (larger than " + MAX_BYTES + " bytes)");
        }
        for (String line : Files.readAllLines(path)) {
            String text = line.strip();
            if (text.startsWith(PREFIX)) {
                String hex = text.substring(PREFIX.length()).strip();
                if (!hex.matches("[0-9a-fA-F]{" + 2 * MlDsaPrivateKey.SIZE + "}")) {
                    throw new IOException(path + ": the seed must be " + 2 * MlDsaPrivateKey.SIZE + " hex digits");
                }
                return new MlDsaPrivateKey(Bytes.fromHex(hex));
            }
        }
        throw new IOException(path + " has no '" + PREFIX + "' line");
    }

    /** Generates a new key and writes it to {@code path}, which must not exist yet. */
    public static MlDsaPrivateKey create(Path path) throws IOException {
        if (Files.exists(path)) {
            throw new FileAlreadyExistsException(path + " exists already (not overwritten)");
        }
        MlDsaPrivateKey key = MlDsaPrivateKey.generate(new SecureRandom());
        write(path, key);
        return key;
    }

    /** The key at {@code path}, created there first when missing. */
    public static MlDsaPrivateKey readOrCreate(Path path) throws IOException {
        return Files.exists(path) ? read(path) : create(path);
    }

    private static void write(Path path, MlDsaPrivateKey key) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String text = "# NumiCoin ML-DSA-65 private key (FIPS 204 seed). Anyone with this file can spend its coins.\n"
                + PREFIX + " " + HexFormat.of().formatHex(key.seed().toArray()) + "\n";
        boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
        Path temp = posix
                ? Files.createTempFile(dir, ".key", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".key", ".tmp");
        try {
            Files.writeString(temp, text);
            Files.move(temp, path);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

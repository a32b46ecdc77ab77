package io.numicoin.devnet.wallet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A file holding 32 random bytes in hex on one line (mode 0600 where the file system has modes),
 * made once and kept: the devnet's mining token and the faucet keystore's passphrase.
 */
public final class RandomSecretFile {

    private RandomSecretFile() {
    }

    /** {@code file}, created with a new random secret if it does not exist yet. */
    public static Path ensure(Path file, String what) {
        if (Files.exists(file)) {
            return file;
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
            return file;
        } catch (FileAlreadyExistsException e) {
            return file;  // another start made it first
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the devnet's " + what + " " + file, e);
        }
    }
}

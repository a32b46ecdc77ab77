package io.numicoin.devnet;

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
 * The devnet's mining token: the nodes take mined blocks and proposals only with it
 * ({@code numi.api.mining-token-file}) and the miner sends it ({@code numi.upstream.mining-token-file}).
 * 32 random bytes in hex, made on the first start (mode 0600 where the file system has modes) and
 * kept with the data directory.
 */
final class MiningTokenFile {

    private MiningTokenFile() {
    }

    /** {@code file}, created with a new random token if it does not exist yet. */
    static Path ensure(Path file) {
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
            throw new UncheckedIOException("cannot create the devnet's mining token " + file, e);
        }
    }
}

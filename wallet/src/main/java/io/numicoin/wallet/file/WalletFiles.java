package io.numicoin.wallet.file;

import io.numicoin.wallet.keystore.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a wallet file without reading more than its format allows, and writing one atomically (mode 0600). */
public final class WalletFiles {

    private WalletFiles() {
    }

    /** The bytes of {@code path}, refused as {@code TOO_LARGE} past {@code format.maxBytes()} (never read whole). */
    public static byte[] read(Path path, FramedFile format) throws FileFormatException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(format.maxBytes() + 1);
            if (bytes.length > format.maxBytes()) {
                if (!format.hasMagic(bytes)) {
                    throw new FileFormatException(FileFormatFailure.NOT_THIS_FORMAT, path + " is not a " + format.name());
                }
                throw new FileFormatException(FileFormatFailure.TOO_LARGE,
                        path + " has more than " + format.maxBytes() + " bytes: not a " + format.name());
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new FileFormatException(FileFormatFailure.IO, "no file " + path, e);
        } catch (IOException e) {
            throw new FileFormatException(FileFormatFailure.IO, "cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code data} to {@code path} whole or not at all; replaces a file there only if {@code replace}. */
    public static void write(Path path, byte[] data, boolean replace) throws FileFormatException {
        try {
            AtomicFiles.write(path, data, replace);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new FileFormatException(FileFormatFailure.IO, path + " exists already (not replaced)", e);
        } catch (IOException e) {
            throw new FileFormatException(FileFormatFailure.IO, "cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}

package io.numicoin.wallet.transfer;

import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.file.WalletFiles;
import java.nio.file.Path;

/** Partial transfer files on disk: read (bounded, decoded, checked) and written atomically. */
public final class PartialTransferFiles {

    public static final String SUFFIX = ".numiptx";

    private PartialTransferFiles() {
    }

    /** Reads, decodes and {@linkplain PartialTransferCheck checks} the file; a failure names the file. */
    public static PartialTransfer read(Path path) throws FileFormatException {
        try {
            return PartialTransferCheck.verify(PartialTransferCodec.decode(WalletFiles.read(path, PartialTransferCodec.FORMAT)));
        } catch (FileFormatException e) {
            throw new FileFormatException(e.reason(), path + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code transfer} to {@code path} whole or not at all; replaces a file only if {@code replace}. */
    public static void write(Path path, PartialTransfer transfer, boolean replace) throws FileFormatException {
        WalletFiles.write(path, PartialTransferCodec.encode(transfer), replace);
    }
}

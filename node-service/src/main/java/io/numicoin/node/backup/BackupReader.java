package io.numicoin.node.backup;

import io.numicoin.protocol.hash.Hash256;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a backup file ({@link BackupFormat}) and checks it as it goes: the magic, bounded lengths,
 * the tables in their fixed order, each table's length and hash, and the whole file's hash. Each
 * table's data is handed to a {@link TableSink} as a stream; a caller writing it to the database must
 * keep its transaction open until {@link #read} returns, since only then is the file known good.
 */
public final class BackupReader {

    /** Receives one table's data; it may read all, part or none of it. */
    @FunctionalInterface
    public interface TableSink {
        void table(String name, InputStream data) throws Exception;
    }

    private BackupReader() {
    }

    /** Checks the whole file without writing anything. */
    public static BackupManifest verify(Path file) throws BackupException {
        return read(file, (name, data) -> data.transferTo(OutputSinks.NULL));
    }

    public static BackupManifest read(Path file, TableSink sink) throws BackupException {
        StreamHash fileHash = new StreamHash(StreamHash.BACKUP);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(new HashingInputStream(raw, fileHash));
            byte[] magic = in.readNBytes(BackupFormat.MAGIC.length);
            if (!Arrays.equals(magic, BackupFormat.MAGIC)) {
                throw new BackupException(file + " is not a NumiCoin node backup (wrong magic)");
            }
            int manifestLength = in.readUnsignedShort();
            if (manifestLength > BackupFormat.MAX_MANIFEST) {
                throw new BackupException("the backup's manifest claims " + manifestLength + " bytes, more than " + BackupFormat.MAX_MANIFEST);
            }
            BackupManifest manifest = BackupManifest.decode(in.readNBytes(manifestLength));
            for (String expected : BackupFormat.TABLES) {
                readTable(in, expected, sink);
            }
            Hash256 computed = fileHash.finish();
            if (raw.read() != BackupFormat.END_MARK) {
                throw new BackupException("the backup is truncated or damaged: no end mark after the last table");
            }
            Hash256 stored = Hash256.of(raw.readNBytes(Hash256.SIZE));
            if (!stored.equals(computed) || raw.read() != -1) {
                throw new BackupException("the backup file's hash does not match its content: the file is damaged");
            }
            return manifest;
        } catch (EOFException e) {
            throw new BackupException("the backup file " + file + " is truncated", e);
        } catch (BackupException e) {
            throw e;
        } catch (Exception e) {
            throw new BackupException("reading the backup " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static void readTable(DataInputStream in, String expected, TableSink sink) throws Exception {
        if (in.readUnsignedByte() != BackupFormat.TABLE_MARK) {
            throw new BackupException("the backup is damaged: no table section where " + expected + " should start");
        }
        int nameLength = in.readUnsignedShort();
        if (nameLength > 64) {
            throw new BackupException("the backup is damaged: a table name of " + nameLength + " bytes");
        }
        String name = new String(in.readNBytes(nameLength), StandardCharsets.US_ASCII);
        if (!name.equals(expected)) {
            throw new BackupException("the backup holds table '" + name + "' where " + expected + " should be");
        }
        ChunkedSectionReader section = new ChunkedSectionReader(in, name);
        sink.table(name, section);
        section.transferTo(OutputSinks.NULL);  // what the sink left unread still counts for the hash
        section.checkEnd();
    }

    /** Where unneeded bytes go. */
    static final class OutputSinks {
        static final java.io.OutputStream NULL = java.io.OutputStream.nullOutputStream();

        private OutputSinks() {
        }
    }
}

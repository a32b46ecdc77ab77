package io.numicoin.node.backup;

import io.numicoin.node.storage.BlockFiles;
import io.numicoin.protocol.hash.Hash256;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a consistent backup of the node's tables ({@link BackupFormat}): one REPEATABLE READ,
 * read-only transaction sees a single snapshot of the database while every table is streamed out
 * with {@code COPY ... TO STDOUT (FORMAT binary)} (block bodies read from their files into
 * {@code block_body}'s rows: {@link BlockBodySection}), so a node may keep importing meanwhile. The file
 * is written next to its destination and moved into place only when complete.
 */
public final class NodeBackup {

    private final DataSource dataSource;
    private final BlockFiles files;
    private final String network;

    public NodeBackup(DataSource dataSource, BlockFiles files, String network) {
        this.dataSource = dataSource;
        this.files = files;
        this.network = network;
    }

    public BackupManifest write(Path file) throws BackupException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            con.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            con.setReadOnly(true);
            try {
                BackupManifest manifest = manifest(con);
                write(con, manifest, partial);
                con.commit();
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            } finally {
                if (!con.getAutoCommit()) {
                    con.rollback();
                }
                con.setAutoCommit(true);
                con.setReadOnly(false);
                con.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the partial file is named as such
            }
            throw new BackupException("backup to " + file + " failed: " + e.getMessage(), e);
        }
    }

    private BackupManifest manifest(Connection con) throws SQLException {
        String schema = schemaVersion(con);
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("SELECT id, height FROM chain_tip")) {
            if (rs.next()) {
                return new BackupManifest(network, schema, Optional.of(Hash256.of(rs.getBytes(1))), rs.getLong(2));
            }
            return new BackupManifest(network, schema, Optional.empty(), -1);
        }
    }

    static String schemaVersion(Connection con) throws SQLException {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    private void write(Connection con, BackupManifest manifest, Path partial) throws SQLException, IOException {
        CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
        StreamHash fileHash = new StreamHash(StreamHash.BACKUP);
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            DataOutputStream out = new DataOutputStream(new HashingOutputStream(raw, fileHash));
            out.write(BackupFormat.MAGIC);
            byte[] text = manifest.encode();
            out.writeShort(text.length);
            out.write(text);
            for (String table : BackupFormat.TABLES) {
                out.writeByte(BackupFormat.TABLE_MARK);
                byte[] name = table.getBytes(StandardCharsets.US_ASCII);
                out.writeShort(name.length);
                out.write(name);
                ChunkedSectionWriter section = new ChunkedSectionWriter(out);
                if (table.equals("block_body")) {
                    BlockBodySection.write(con, files, section);
                } else {
                    copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", section);
                }
                section.finish();
            }
            out.flush();
            raw.write(BackupFormat.END_MARK);
            raw.write(fileHash.finish().toArray());
        }
    }
}

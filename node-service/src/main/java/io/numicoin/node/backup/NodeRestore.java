package io.numicoin.node.backup;

import io.numicoin.node.integrity.IntegrityReport;
import io.numicoin.node.integrity.StartupIntegrityCheck;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Restores a backup into an empty (freshly migrated) node database: the file is checked in full
 * first, then every table is loaded with {@code COPY ... FROM STDIN (FORMAT binary)} in ONE
 * transaction (re-checking every hash as it streams; any mismatch rolls everything back), and finally
 * the startup integrity check runs at level 2. If that check fails the restored rows are removed
 * again and the restore fails: a database that does not pass is never left behind.
 */
public final class NodeRestore {

    private static final String EMPTY_TABLES = String.join(", ", BackupFormat.TABLES);

    private final DataSource dataSource;
    private final String network;
    private final Supplier<StartupIntegrityCheck> levelTwoCheck;

    public NodeRestore(DataSource dataSource, String network, Supplier<StartupIntegrityCheck> levelTwoCheck) {
        this.dataSource = dataSource;
        this.network = network;
        this.levelTwoCheck = levelTwoCheck;
    }

    public IntegrityReport restore(Path file) throws BackupException {
        BackupManifest manifest = BackupReader.verify(file);
        if (!manifest.network().equals(network)) {
            throw new BackupException("the backup is of " + manifest.network() + ", this node runs " + network);
        }
        try (Connection con = dataSource.getConnection()) {
            String schema = NodeBackup.schemaVersion(con);
            if (!manifest.schema().equals(schema)) {
                throw new BackupException("the backup has schema version " + manifest.schema() + ", this database " + schema
                        + ": restore with the node version that wrote it");
            }
            requireEmpty(con);
            load(con, file);
        } catch (SQLException e) {
            throw new BackupException("restoring " + file + " failed: " + e.getMessage(), e);
        }
        IntegrityReport report = levelTwoCheck.get().run();
        if (!report.passed()) {
            wipe();
            throw new BackupException("the restored database fails the integrity check at level 2, so the restore was undone: "
                    + report.message());
        }
        return report;
    }

    private static void requireEmpty(Connection con) throws SQLException, BackupException {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT (SELECT count(*) FROM block_index) + (SELECT count(*) FROM peers) + (SELECT count(*) FROM outbox)")) {
            rs.next();
            if (rs.getLong(1) != 0) {
                throw new BackupException("the target database is not empty: restore only into a new, migrated database");
            }
        }
    }

    private static void load(Connection con, Path file) throws SQLException, BackupException {
        con.setAutoCommit(false);
        try {
            try (Statement st = con.createStatement()) {
                st.execute("DELETE FROM outbox_counter");  // the migration's initial counters; the backup carries the real ones
            }
            CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
            BackupReader.read(file, (name, data) -> copy.copyIn("COPY " + name + " FROM STDIN (FORMAT binary)", data));
            con.commit();
        } finally {
            if (!con.getAutoCommit()) {
                con.rollback();
                con.setAutoCommit(true);
            }
        }
    }

    private void wipe() throws BackupException {
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            st.execute("TRUNCATE " + EMPTY_TABLES);
            st.execute("INSERT INTO outbox_counter (name, next) VALUES ('outbox', 1), ('numi.chain.v1', 1)");
        } catch (SQLException e) {
            throw new BackupException("the restore failed its integrity check and removing its rows failed too: " + e.getMessage(), e);
        }
    }
}

package io.numicoin.node.backup;

import io.numicoin.node.storage.BlockFiles;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code block_body}'s section of a backup: the rows as PostgreSQL binary {@code COPY} data, as
 * every other table's, but with each body inline — read from its block file where the row names
 * one — and no file location. A backup therefore carries the bodies themselves and restores into
 * any database (whose block files are its own) with a plain {@code COPY block_body FROM STDIN}.
 * The rows come from the backup's snapshot; a body a row names is on disk before that row committed.
 */
final class BlockBodySection {

    /** The binary COPY signature, flags and header extension length. */
    private static final byte[] COPY_HEADER = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** id, body, size, tx_count, file_no, file_offset: the table's columns in order (V1, V10). */
    private static final short COLUMNS = 6;

    private BlockBodySection() {
    }

    static void write(Connection con, BlockFiles files, OutputStream section) throws SQLException, IOException {
        DataOutputStream out = new DataOutputStream(section);
        out.write(COPY_HEADER);
        out.writeInt(0);
        out.writeInt(0);
        try (PreparedStatement st = con.prepareStatement("SELECT id, body, file_no, file_offset, size, tx_count FROM block_body")) {
            st.setFetchSize(8);  // bodies of up to 2 MiB each: a few at a time
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.writeShort(COLUMNS);
                    bytes(out, rs.getBytes("id"));
                    bytes(out, files.bodyOf(rs));
                    out.writeInt(4);
                    out.writeInt(rs.getInt("size"));
                    out.writeInt(4);
                    out.writeInt(rs.getInt("tx_count"));
                    out.writeInt(-1);  // file_no: NULL, the body is inline
                    out.writeInt(-1);  // file_offset
                }
            }
        }
        out.writeShort(-1);
        out.flush();
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}

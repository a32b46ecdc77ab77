package io.numicoin.node.backup;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The layout of a node backup file. All integers big-endian.
 * <pre>
 * magic      8 bytes "NUMIBAK1"
 * manifest   u16 length + UTF-8 text, "key=value" lines: network, schema (Flyway version), tip, height, tables
 * per table, in {@link #TABLES} order:
 *   u8 'T', u16 length + table name,
 *   chunks: i32 length (1..{@link #MAX_CHUNK}) + that many bytes of PostgreSQL binary COPY data, ...,
 *   i32 0 (end of table), i64 total bytes, 32 bytes BLAKE3 (context {@link StreamHash#BACKUP}) of the data
 * u8 'E', 32 bytes BLAKE3 of every byte of the file before the 'E'
 * </pre>
 * Every length is bounded before anything is allocated: a damaged file fails with a clear error,
 * never an oversized allocation.
 */
public final class BackupFormat {

    public static final byte[] MAGIC = "NUMIBAK1".getBytes(StandardCharsets.US_ASCII);
    public static final int MAX_CHUNK = 1 << 20;
    public static final int MAX_MANIFEST = 16 * 1024;
    public static final int TABLE_MARK = 'T';
    public static final int END_MARK = 'E';

    /** The node's tables, parents before children (foreign keys hold at every step of a restore). */
    public static final List<String> TABLES = List.of("block_index", "block_body", "main_chain", "chain_tip", "snapshot_base",
            "accounts", "state_buckets", "immature_rewards", "undo_data", "chain_transactions", "peers", "outbox", "outbox_counter");

    private BackupFormat() {
    }
}

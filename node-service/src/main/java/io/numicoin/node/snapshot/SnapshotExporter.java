package io.numicoin.node.snapshot;

import io.numicoin.node.backup.StreamHash;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.state.StateCommitment;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Exports the account state at the current tip to a snapshot file ({@link SnapshotFormat}). One
 * REPEATABLE READ, read-only transaction sees the tip and its state as of one instant, so the node
 * may keep importing meanwhile; the file also carries the active chain's headers from genesis to the
 * tip, so a node can run from it. Before the file is moved into place the exported elements' MuHash3072
 * is checked against the tip header's state commitment: a snapshot that would not verify is never written.
 */
public final class SnapshotExporter {

    private final DataSource dataSource;
    private final Network network;
    private final int chunkElements;

    public SnapshotExporter(DataSource dataSource, Network network, int chunkElements) {
        if (chunkElements < 1 || chunkElements > SnapshotFormat.MAX_CHUNK_ELEMENTS) {
            throw new IllegalArgumentException("chunk size " + chunkElements + " out of 1.." + SnapshotFormat.MAX_CHUNK_ELEMENTS);
        }
        this.dataSource = dataSource;
        this.network = network;
        this.chunkElements = chunkElements;
    }

    public SnapshotManifest export(Path file) throws SnapshotException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            con.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            con.setReadOnly(true);
            try {
                SnapshotManifest manifest = write(con, partial);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            } finally {
                con.rollback();
                con.setAutoCommit(true);
                con.setReadOnly(false);
                con.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException | IOException | DecodeException e) {
            throw new SnapshotException("snapshot export to " + file + " failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // named .partial: never mistaken for a snapshot
            }
        }
    }

    private SnapshotManifest write(Connection con, Path partial) throws SQLException, IOException, DecodeException, SnapshotException {
        Hash256 tipId;
        long height;
        BlockHeader header;
        java.math.BigInteger work;
        try (PreparedStatement ps = con.prepareStatement(
                "SELECT t.id, t.height, b.header, b.cumulative_work FROM chain_tip t JOIN block_index b ON b.id = t.id");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SnapshotException("the node has no chain yet: nothing to export");
            }
            tipId = Hash256.of(rs.getBytes(1));
            height = rs.getLong(2);
            header = BlockHeaderCodec.decode(rs.getBytes(3));
            work = rs.getBigDecimal(4).toBigIntegerExact();
        }
        ChunkWriter chunks;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
            out.write(SnapshotFormat.MAGIC);
            chunks = new ChunkWriter(out, chunkElements);
            long accounts = stream(con, "SELECT address, balance, nonce FROM accounts ORDER BY address", chunks, true);
            long rewards = stream(con, "SELECT paid_at_height, recipient, amount FROM immature_rewards ORDER BY paid_at_height", chunks, false);
            chunks.flush();
            if (!StateCommitment.of(chunks.accumulator()).equals(header.stateCommitment())) {
                throw new SnapshotException("the stored state does not hash to the tip header's commitment: run the integrity check");
            }
            Hash256 headersHash = writeHeaders(con, out, height, tipId);
            SnapshotManifest manifest = new SnapshotManifest(network, height, tipId, header, work, headersHash, accounts, rewards,
                    chunks.chunks());
            byte[] encoded = SnapshotManifestCodec.encode(manifest);
            out.write(encoded);
            out.writeInt(encoded.length);
            out.write(SnapshotFormat.END_MAGIC);
            return manifest;
        }
    }

    /** The active chain's headers, genesis to the tip, ascending; returns their hash. */
    private static Hash256 writeHeaders(Connection con, DataOutputStream out, long height, Hash256 tipId)
            throws SQLException, IOException, SnapshotException {
        StreamHash hash = new StreamHash(StreamHash.SNAPSHOT_HEADERS);
        long next = 0;
        byte[] last = null;
        try (PreparedStatement ps = con.prepareStatement("SELECT m.height, m.id, b.header FROM main_chain m"
                + " JOIN block_index b ON b.id = m.id WHERE m.height <= ? ORDER BY m.height")) {
            ps.setLong(1, height);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] encoded = rs.getBytes(3);
                    if (rs.getLong(1) != next || encoded.length != SnapshotFormat.HEADER_SIZE) {
                        throw new SnapshotException("the active chain has no header at height " + next + ": run the integrity check");
                    }
                    out.write(encoded);
                    hash.update(encoded, 0, encoded.length);
                    last = rs.getBytes(2);
                    next++;
                }
            }
        }
        if (next != height + 1 || !Hash256.of(last).equals(tipId)) {
            throw new SnapshotException("the active chain's headers do not end at the tip " + tipId + ": run the integrity check");
        }
        return hash.finish();
    }

    private static long stream(Connection con, String sql, ChunkWriter chunks, boolean accounts) throws SQLException, IOException {
        long count = 0;
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chunks.add(accounts ? ElementRows.account(rs) : ElementRows.reward(rs));
                    count++;
                }
            }
        }
        return count;
    }

    /** Cuts elements into chunks, hashing each chunk and accumulating the state hash. */
    private static final class ChunkWriter {
        private final DataOutputStream out;
        private final int perChunk;
        private final byte[] buffer;
        private final List<SnapshotManifest.Chunk> chunks = new ArrayList<>();
        private MuHash3072 accumulator = MuHash3072.EMPTY;
        private int filled;

        ChunkWriter(DataOutputStream out, int perChunk) {
            this.out = out;
            this.perChunk = perChunk;
            this.buffer = new byte[perChunk * SnapshotFormat.ELEMENT_SIZE];
        }

        void add(byte[] element) throws IOException {
            accumulator = accumulator.insert(element);
            System.arraycopy(element, 0, buffer, filled * SnapshotFormat.ELEMENT_SIZE, SnapshotFormat.ELEMENT_SIZE);
            if (++filled == perChunk) {
                flush();
            }
        }

        void flush() throws IOException {
            if (filled == 0) {
                return;
            }
            int length = filled * SnapshotFormat.ELEMENT_SIZE;
            out.writeInt(length);
            out.write(buffer, 0, length);
            chunks.add(new SnapshotManifest.Chunk(filled, new StreamHash(StreamHash.SNAPSHOT_CHUNK).update(buffer, 0, length).finish()));
            filled = 0;
        }

        MuHash3072 accumulator() {
            return accumulator;
        }

        List<SnapshotManifest.Chunk> chunks() {
            return chunks;
        }
    }
}

package io.numicoin.node.snapshot;

import io.numicoin.node.storage.BlockFiles;
import io.numicoin.node.storage.BlockStatusCode;
import io.numicoin.node.storage.ChainTables;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.StateElementCodec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a snapshot into a fresh node database (fast sync). {@link SnapshotVerifier} checks the whole
 * file first; only then, in ONE transaction, are the accounts and immature rewards written (every chunk
 * hash checked again while streaming, so a file changed in between rolls everything back), with the
 * 256 bucket hashes, the header chain from genesis to the snapshot's block as {@code block_index} and
 * {@code main_chain} rows (genesis VALID with its body, the rest FROM_SNAPSHOT without one; the header
 * hash checked again while streaming), the {@code snapshot_base} row naming the snapshot's block, and
 * the tip with the state hash. The node then runs from there ({@code BlockTree#markSnapshotBase}).
 * A database that already holds a chain is refused, with a precise reason when it knows the
 * snapshot's block.
 */
public final class SnapshotImporter {

    private static final int HEADER_BATCH = 5_000;

    private final NetworkParams params;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BlockFiles files;
    private final Clock clock;

    public SnapshotImporter(NetworkParams params, JdbcTemplate jdbc, TransactionTemplate transactions, BlockFiles files, Clock clock) {
        this.params = params;
        this.jdbc = jdbc;
        this.files = files;
        this.transactions = transactions;
        this.clock = clock;
    }

    public SnapshotManifest importFile(Path file) throws SnapshotException {
        SnapshotVerifier.Verified verified = SnapshotVerifier.verify(file, params, clock.instant().getEpochSecond());
        SnapshotManifest manifest = verified.manifest();
        requireFresh(manifest);
        try {
            transactions.executeWithoutResult(status -> load(file, verified));
        } catch (Unchecked e) {
            throw e.cause;
        }
        return manifest;
    }

    private void requireFresh(SnapshotManifest manifest) throws SnapshotException {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM block_index", Long.class);
        if (rows == null || rows == 0) {
            return;
        }
        Optional<Long> onMainChain = jdbc.queryForList("SELECT height FROM main_chain WHERE id = ?", Long.class,
                (Object) manifest.blockId().toArray()).stream().findFirst();
        throw new SnapshotException(onMainChain.isPresent()
                ? "this node already has the snapshot's block " + manifest.blockId() + " on its chain: nothing to import (snapshots load into a fresh database)"
                : "this node holds a chain that does not contain the snapshot's block " + manifest.blockId()
                        + " on its active chain; snapshots load only into a fresh database");
    }

    private void load(Path file, SnapshotVerifier.Verified verified) {
        SnapshotManifest manifest = verified.manifest();
        try {
            SnapshotReader.forEachChunk(file, manifest, (index, bytes) -> insertChunk(bytes));
        } catch (SnapshotException e) {
            throw new Unchecked(e);
        }
        List<Object[]> buckets = new ArrayList<>();
        for (int b = 0; b < verified.buckets().length; b++) {
            buckets.add(new Object[] {(short) b, verified.buckets()[b].toBytes()});
        }
        jdbc.batchUpdate("INSERT INTO state_buckets (bucket, accumulator) VALUES (?, ?)", buckets);
        try {
            insertHeaders(file, manifest);
        } catch (SnapshotException e) {
            throw new Unchecked(e);
        }
        Block genesis = params.genesis();
        ChainTables chainTables = new ChainTables(jdbc, files);
        chainTables.insertBody(params.genesisId(), BlockCodec.encode(genesis), genesis.transactions().size());
        chainTables.indexTransactions(params.genesisId(), genesis);
        jdbc.update("INSERT INTO snapshot_base (id, height) VALUES (?, ?)", manifest.blockId().toArray(), manifest.height());
        jdbc.update("INSERT INTO chain_tip (id, height, accumulator) VALUES (?, ?, ?)", manifest.blockId().toArray(),
                manifest.height(), verified.accumulator().toBytes());
    }

    /** The header chain as block_index and main_chain rows, in batches; the hash is checked at the end (else all rolls back). */
    private void insertHeaders(Path file, SnapshotManifest manifest) throws SnapshotException {
        List<Object[]> rows = new ArrayList<>(HEADER_BATCH);
        List<Object[]> mainChain = new ArrayList<>(HEADER_BATCH);
        BigInteger[] work = {BigInteger.ZERO};
        Hash256[] previous = {null};
        SnapshotReader.forEachHeader(file, manifest, (height, encoded) -> {
            BlockHeader header = decode(height, encoded);
            Hash256 id = BlockHeaderCodec.id(header);
            if (height > 0 && (header.height() != height || !header.previousId().equals(previous[0]))) {
                throw new SnapshotException("the snapshot's header at height " + height + " changed since it was verified");
            }
            previous[0] = id;
            work[0] = work[0].add(header.target().work());
            rows.add(new Object[] {id.toArray(), height, header.previousId().toArray(), encoded, new BigDecimal(work[0]),
                    height == 0 ? BlockStatusCode.VALID : BlockStatusCode.FROM_SNAPSHOT, height, height == 0 ? 0L : null});
            mainChain.add(new Object[] {height, id.toArray()});
            if (rows.size() == HEADER_BATCH) {
                flushHeaders(rows, mainChain);
            }
        });
        flushHeaders(rows, mainChain);
        if (!manifest.blockId().equals(previous[0])) {
            throw new SnapshotException("the snapshot's header chain changed since it was verified");
        }
    }

    private void flushHeaders(List<Object[]> rows, List<Object[]> mainChain) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO block_index (id, height, parent_id, header, cumulative_work, status, first_seen, data_seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows,
                new int[] {Types.BINARY, Types.BIGINT, Types.BINARY, Types.BINARY, Types.NUMERIC, Types.SMALLINT, Types.BIGINT, Types.BIGINT});
        jdbc.batchUpdate("INSERT INTO main_chain (height, id) VALUES (?, ?)", mainChain);
        rows.clear();
        mainChain.clear();
    }

    private static BlockHeader decode(long height, byte[] encoded) throws SnapshotException {
        try {
            return BlockHeaderCodec.decode(encoded);
        } catch (DecodeException e) {
            throw new SnapshotException("the snapshot's header at height " + height + " does not decode: " + e.getMessage(), e);
        }
    }

    private void insertChunk(byte[] bytes) {
        List<Object[]> accounts = new ArrayList<>();
        List<Object[]> rewards = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += SnapshotFormat.ELEMENT_SIZE) {
            java.nio.ByteBuffer element = java.nio.ByteBuffer.wrap(bytes, offset, SnapshotFormat.ELEMENT_SIZE);
            int tag = element.get();
            if (tag == StateElementCodec.ACCOUNT_TAG) {
                byte[] address = new byte[32];
                element.get(address);
                accounts.add(new Object[] {address, element.getLong(), element.getLong()});
            } else {
                long height = element.getLong();
                byte[] recipient = new byte[32];
                element.get(recipient);
                rewards.add(new Object[] {height, recipient, element.getLong()});
            }
        }
        if (!accounts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO accounts (address, balance, nonce) VALUES (?, ?, ?)", accounts);
        }
        if (!rewards.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO immature_rewards (paid_at_height, recipient, amount) VALUES (?, ?, ?)", rewards);
        }
    }

    /** Carries a checked failure out of the transaction callback (which then rolls back). */
    private static final class Unchecked extends RuntimeException {
        private final SnapshotException cause;

        Unchecked(SnapshotException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}

package io.numicoin.node.snapshot;

import io.numicoin.node.storage.BlockStatusCode;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.state.StateElementCodec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a snapshot into a fresh node database (fast sync). {@link SnapshotVerifier} checks the whole
 * file first; only then, in ONE transaction, are the accounts and immature rewards written (every chunk
 * hash checked again while streaming, so a file changed in between rolls everything back), with the
 * 256 bucket hashes, the snapshot block as the only {@code block_index} row (VALID, no body), its
 * {@code main_chain} row and the tip with the state hash. A database that already holds a chain is
 * refused, with a precise reason when it knows the snapshot's block.
 */
public final class SnapshotImporter {

    private final Network network;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public SnapshotImporter(Network network, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.network = network;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public SnapshotManifest importFile(Path file) throws SnapshotException {
        SnapshotVerifier.Verified verified = SnapshotVerifier.verify(file, network);
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
        jdbc.update("""
                INSERT INTO block_index (id, height, parent_id, header, cumulative_work, status, first_seen, data_seq)
                VALUES (?, ?, ?, ?, ?, ?, 0, NULL)""", manifest.blockId().toArray(), manifest.height(),
                manifest.header().previousId().toArray(), BlockHeaderCodec.encode(manifest.header()),
                new BigDecimal(manifest.cumulativeWork()), BlockStatusCode.VALID);
        jdbc.update("INSERT INTO main_chain (height, id) VALUES (?, ?)", manifest.height(), manifest.blockId().toArray());
        jdbc.update("INSERT INTO chain_tip (id, height, accumulator) VALUES (?, ?, ?)", manifest.blockId().toArray(),
                manifest.height(), verified.accumulator().toBytes());
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

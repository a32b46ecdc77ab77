package io.numicoin.node.integrity;

import io.numicoin.node.storage.BlockFiles;
import io.numicoin.node.storage.BlockIndexTable;
import io.numicoin.node.storage.ChainEventSink;
import io.numicoin.node.storage.ChainTables;
import io.numicoin.node.storage.CorruptChainDataException;
import io.numicoin.node.storage.PostgresChainStore;
import io.numicoin.node.storage.StoredTip;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockStatus;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.validation.ConnectResult;
import io.numicoin.protocol.validation.StateRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds everything derived from the active chain's blocks — accounts, immature rewards, bucket
 * hashes, undo data, the transaction index, {@code main_chain} above genesis and the tip — by
 * connecting the stored blocks again from genesis with the state rules, each block checked
 * against its header's state commitment. Headers, bodies and the block tree are kept.
 *
 * <p>It stops at the first block whose body is missing or corrupt (marked for re-download) or that
 * no longer connects (marked INVALID); the tip is then the block below, and the node reconnects
 * the rest when the block arrives again. If the tip moved down, the blocks taken off the active
 * chain are reported to {@code events} (tip first) so consumers follow. Each block is its own
 * transaction: an interrupted reindex leaves a consistent, shorter chain and can simply be rerun.
 */
public final class Reindexer {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

    /** What a reindex did. */
    public record Report(Hash256 oldTip, long oldHeight, Hash256 newTip, long newHeight, List<Hash256> redownload,
            Optional<String> stoppedBecause, Duration took) {
    }

    private final NetworkParams params;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BlockFiles files;
    private final ChainEventSink events;
    private final Clock clock;
    private final ChainTables chainTables;
    private final BlockIndexTable index;
    private final BodyCheck bodies;

    public Reindexer(NetworkParams params, JdbcTemplate jdbc, TransactionTemplate transactions, BlockFiles files, ChainEventSink events,
            Clock clock) {
        this.params = params;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.files = files;
        this.events = events;
        this.clock = clock;
        this.chainTables = new ChainTables(jdbc, files);
        this.index = new BlockIndexTable(jdbc);
        this.bodies = new BodyCheck(chainTables, jdbc, transactions);
    }

    public Report run() {
        Instant started = clock.instant();
        StoredTip oldTip = chainTables.tip().orElseThrow(() -> new IllegalStateException("the database holds no chain to reindex"));
        index.snapshotBase().ifPresent(base -> {
            throw new IllegalStateException("this node was started from a state snapshot at height " + base.height()
                    + ": it holds no blocks below it to replay, so reindex cannot rebuild the state; import the snapshot"
                    + " into a fresh database again (docs/node-operations.md, State snapshots) or sync from genesis");
        });
        List<Hash256> active = chainTables.mainChainFrom(0);
        if (active.isEmpty() || !active.getFirst().equals(params.genesisId())) {
            throw new IllegalStateException("main_chain does not start at " + params.network().id() + "'s genesis");
        }
        log.info("reindex: rebuilding the state of {} blocks (tip {} at height {})", active.size() - 1, oldTip.id(), oldTip.height());
        reset();
        PostgresChainStore store = PostgresChainStore.open(params, jdbc, transactions, files, ChainEventSink.NONE, 200_000);
        StateRules rules = new StateRules(params.subsidy());
        List<Hash256> redownload = new ArrayList<>();
        Optional<String> stopped = Optional.empty();
        for (int height = 1; height < active.size(); height++) {
            Hash256 id = active.get(height);
            Optional<Block> block = soundBody(id, height, redownload);
            if (block.isEmpty()) {
                stopped = Optional.of("the body of block " + id + " at height " + height + " is missing or corrupt; it is marked for re-download");
                break;
            }
            ConnectResult result = rules.apply(block.get(), store.state());
            if (result instanceof ConnectResult.Rejected rejected) {
                index.setStatus(id, BlockStatus.INVALID);
                stopped = Optional.of("block " + id + " at height " + height + " does not connect: " + rejected.rejection());
                break;
            }
            ConnectResult.Connected connected = (ConnectResult.Connected) result;
            store.connect(id, block.get(), connected);
            if (height % 1_000 == 0) {
                log.info("reindex: height {} of {}", height, active.size() - 1);
            }
        }
        StoredTip newTip = store.storedTip();
        if (!newTip.id().equals(oldTip.id())) {
            reportDisconnected(active, newTip.height());
        }
        stopped.ifPresent(reason -> log.error("reindex stopped early: {}. The tip is now height {}; the node reconnects "
                + "the blocks above when the missing one arrives again", reason, newTip.height()));
        log.info("reindex: done, tip {} at height {}", newTip.id(), newTip.height());
        return new Report(oldTip.id(), oldTip.height(), newTip.id(), newTip.height(), redownload, stopped,
                Duration.between(started, clock.instant()));
    }

    /** Empties the derived tables and puts the tip back on genesis with the empty state, in one transaction. */
    private void reset() {
        Block genesis = params.genesis();
        transactions.executeWithoutResult(status -> {
            jdbc.update("TRUNCATE accounts, immature_rewards, state_buckets, undo_data, chain_transactions");
            jdbc.update("DELETE FROM main_chain WHERE height > 0");
            jdbc.update("UPDATE chain_tip SET id = ?, height = 0, accumulator = ?, updated_at = now()",
                    params.genesisId().toArray(), MuHash3072.EMPTY.toBytes());
            chainTables.indexTransactions(params.genesisId(), genesis);
        });
    }

    private Optional<Block> soundBody(Hash256 id, long height, List<Hash256> redownload) {
        Optional<BlockIndexTable.Row> row = index.row(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        ActiveBlock block = new ActiveBlock(height, id, row.get().parentId(), BlockHeaderCodec.encode(row.get().header()),
                Optional.of(row.get().header()));
        Optional<BodyCheck.Stored> stored = bodies.readDiscardingFaulty(block);
        stored.flatMap(BodyCheck.Stored::fault).ifPresent(fault -> {
            redownload.add(id);
            log.error("reindex: block {} at height {}: {}", id, height, fault);
        });
        return stored.flatMap(BodyCheck.Stored::block);
    }

    /** Tells consumers that the old active chain above {@code newHeight} is gone, tip first, in one transaction. */
    private void reportDisconnected(List<Hash256> oldActive, long newHeight) {
        transactions.executeWithoutResult(status -> {
            for (int height = oldActive.size() - 1; height > newHeight; height--) {
                Hash256 id = oldActive.get(height);
                Optional<Block> block = readableBody(id).flatMap(Reindexer::decodeQuietly);
                BlockIndexTable.Row parent = index.row(oldActive.get(height - 1)).orElseThrow();
                if (block.isPresent()) {
                    events.disconnected(id, block.get(), parent.cumulativeWork());
                } else {
                    log.error("reindex: block {} at height {} left the active chain but its body is gone, so no "
                            + "disconnect event can carry it: consumers see the next event not fit their tip and resync", id, height);
                }
            }
        });
    }

    private Optional<byte[]> readableBody(Hash256 id) {
        try {
            return chainTables.body(id);
        } catch (CorruptChainDataException e) {
            return Optional.empty();
        }
    }

    private static Optional<Block> decodeQuietly(byte[] bytes) {
        try {
            return Optional.of(BlockCodec.decode(bytes));
        } catch (DecodeException e) {
            return Optional.empty();
        }
    }
}

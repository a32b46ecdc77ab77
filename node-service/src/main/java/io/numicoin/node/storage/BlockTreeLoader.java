package io.numicoin.node.storage;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.AddHeaderResult;
import io.numicoin.protocol.chain.BlockTree;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilds the {@link BlockTree} from {@code block_index} exactly as it was: headers in arrival
 * order ({@code first_seen}: gap-free and parents first, so every entry gets back its own
 * first-seen number and header ties break as before), bodies in arrival order ({@code data_seq},
 * so block ties break as before and the stored tip is again the best candidate), then the VALID
 * and INVALID marks with their stored reasons (INVALID_ANCESTOR follows from the latter). A node
 * started from a state snapshot has its snapshot base marked right after the headers
 * ({@link BlockTree#markSnapshotBase}): the rows up to it are FROM_SNAPSHOT and have no bodies.
 * Each header must hash to its row's id and the stored cumulative work must match the tree's. Call inside a (read-only)
 * transaction so the rows stream through a cursor instead of being read all at once.
 */
public final class BlockTreeLoader {

    private final BlockIndexTable index;

    public BlockTreeLoader(JdbcTemplate jdbc) {
        this.index = new BlockIndexTable(jdbc);
    }

    /**
     * @param genesis this network's genesis header, which must be the first row
     * @param listener told of changes made after loading (the replay itself is not reported)
     * @throws CorruptChainDataException if a row does not hash to its id or does not fit the tree
     */
    public BlockTree load(BlockHeader genesis, BlockIndexJournal listener) {
        BlockTree tree = new BlockTree(genesis, listener);
        AtomicBoolean first = new AtomicBoolean(true);
        index.forEachInArrivalOrder(row -> {
            Hash256 computed = BlockHeaderCodec.id(row.header());
            if (!computed.equals(row.id())) {
                throw new CorruptChainDataException("block_index row " + row.id() + " holds a header hashing to " + computed
                        + "; run --numi.command=reindex");
            }
            if (first.getAndSet(false)) {
                if (!row.id().equals(tree.genesis().id())) {
                    throw new CorruptChainDataException("the first block_index row is " + row.id() + ", not this network's genesis");
                }
                return;
            }
            AddHeaderResult added = tree.addHeader(row.header());
            if (!added.isAdded()) {
                throw new CorruptChainDataException("block_index row " + row.id() + " at height " + row.height()
                        + " does not fit the tree (" + added.outcome() + ")");
            }
            if (!tree.entry(row.id()).orElseThrow().cumulativeWork().equals(row.cumulativeWork())) {
                throw new CorruptChainDataException("block_index row " + row.id() + " stores a cumulative work the headers do not add up to");
            }
        });
        index.snapshotBase().ifPresent(base -> {
            if (tree.entry(base.id()).map(entry -> entry.height() != base.height()).orElse(true)) {
                throw new CorruptChainDataException("snapshot_base names block " + base.id() + " at height " + base.height()
                        + ", which block_index does not hold there");
            }
            tree.markSnapshotBase(base.id());
        });
        for (Hash256 id : index.idsWithDataInArrivalOrder()) {
            tree.markDataAvailable(id);
        }
        for (Hash256 id : index.idsWithStatus(BlockStatusCode.VALID)) {
            if (!id.equals(tree.genesis().id())) {
                tree.markValid(id);
            }
        }
        for (BlockIndexTable.InvalidMark invalid : index.invalidWithReasons()) {
            tree.markInvalid(invalid.id(), invalid.rejection().orElse(null));
        }
        listener.discard();
        return tree;
    }

    /** Loads with no listener (tools and tests). */
    public BlockTree load(BlockHeader genesis) {
        BlockIndexJournal ignored = new BlockIndexJournal();
        return load(genesis, ignored);
    }
}

package io.numicoin.node.storage;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.MuHash3072;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts the network's genesis block into an empty database (index row, body, main chain, tip with
 * the empty state, its chain event), or checks that a non-empty one holds this network's chain.
 */
final class GenesisWriter {

    private final NetworkParams params;
    private final JdbcTemplate jdbc;
    private final ChainTables chainTables;
    private final ChainEventSink events;

    GenesisWriter(NetworkParams params, JdbcTemplate jdbc, ChainTables chainTables, ChainEventSink events) {
        this.params = params;
        this.jdbc = jdbc;
        this.chainTables = chainTables;
        this.events = events;
    }

    /** Call inside a transaction. */
    void writeIfEmpty() {
        Hash256 genesisId = params.genesisId();
        Optional<Hash256> stored = chainTables.mainChainAt(0);
        if (stored.isPresent()) {
            if (!stored.get().equals(genesisId)) {
                throw new IllegalStateException("this database holds a chain whose genesis is " + stored.get() + ", not "
                        + params.network().id() + "'s " + genesisId + ": point the node at its own database");
            }
            return;
        }
        Optional<Long> snapshotBase = jdbc.queryForList("SELECT height FROM chain_tip", Long.class).stream().findFirst();
        if (snapshotBase.isPresent()) {
            throw new CorruptChainDataException("this database was loaded from a version-1 state snapshot at height " + snapshotBase.get()
                    + ", which carries no header chain, so the node cannot run from it: import a snapshot exported by"
                    + " this version into a fresh database (docs/node-operations.md, State snapshots)");
        }
        Block genesis = params.genesis();
        BigInteger work = genesis.header().target().work();
        jdbc.update("""
                INSERT INTO block_index (id, height, parent_id, header, cumulative_work, status, first_seen, data_seq)
                VALUES (?, 0, ?, ?, ?, ?, 0, 0)""",
                genesisId.toArray(), genesis.header().previousId().toArray(), BlockHeaderCodec.encode(genesis.header()),
                new BigDecimal(work), BlockStatusCode.VALID);
        chainTables.insertBody(genesisId, BlockCodec.encode(genesis), genesis.transactions().size());
        chainTables.addToMainChain(0, genesisId);
        chainTables.indexTransactions(genesisId, genesis);
        chainTables.insertTip(new StoredTip(genesisId, 0, MuHash3072.EMPTY));
        events.connected(genesisId, genesis, work);
    }
}

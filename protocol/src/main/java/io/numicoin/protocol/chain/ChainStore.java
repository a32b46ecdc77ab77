package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.state.AccountStateView;
import io.numicoin.protocol.state.StateDiff;
import io.numicoin.protocol.state.UndoData;
import io.numicoin.protocol.validation.ConnectResult;
import java.util.List;
import java.util.Optional;

/**
 * Where a node keeps block bodies, undo data and the account state of its active chain. The
 * {@link BlockImporter} is its only writer. {@link #connect} and {@link #disconnect} must each be
 * atomic: after a crash the store is at the state before or after the call, never in between
 * (the node's PostgreSQL implementation runs each in one database transaction).
 */
public interface ChainStore {

    /** The id of the block the state belongs to (the active chain's tip). */
    Hash256 tip();

    /** The account state after {@link #tip()}. */
    AccountStateView state();

    /** Stores a block body (not yet connected). Storing the same block twice is harmless. */
    void storeBlock(Hash256 id, Block block);

    /**
     * As {@link #storeBlock(Hash256, Block)} with the transactions' txids, in block order, which
     * the body rules computed: a store that indexes transactions keeps them instead of hashing again.
     */
    default void storeBlock(Hash256 id, Block block, List<Hash256> txids) {
        storeBlock(id, block);
    }

    Optional<Block> block(Hash256 id);

    /** The undo data of a connected block. */
    Optional<UndoData> undo(Hash256 id);

    /** Makes {@code id} (a child of the tip) the tip: applies {@code diff} and keeps {@code undo}. */
    void connect(Hash256 id, Block block, StateDiff diff, UndoData undo);

    /**
     * As {@link #connect(Hash256, Block, StateDiff, UndoData)} with what the state rules found; a
     * store that keeps partial set hashes takes the element factors from it instead of hashing again.
     */
    default void connect(Hash256 id, Block block, ConnectResult.Connected connected) {
        connect(id, block, connected.diff(), connected.undo());
    }

    /** Makes the tip's parent the tip again by reverting {@code undo}. */
    void disconnect(Hash256 id, Block block, UndoData undo);
}

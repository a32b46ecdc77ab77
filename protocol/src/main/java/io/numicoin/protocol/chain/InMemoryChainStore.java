package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.state.AccountStateView;
import io.numicoin.protocol.state.InMemoryAccountState;
import io.numicoin.protocol.state.StateDiff;
import io.numicoin.protocol.state.UndoData;
import io.numicoin.protocol.validation.ConnectResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ChainStore} in memory: for tests, tools and benchmarks. Connecting with the state rules'
 * result takes their state hash, as the node's store does (no element hashed again). Not thread-safe.
 */
public final class InMemoryChainStore implements ChainStore {

    private final Map<Hash256, Block> blocks;
    private final Map<Hash256, UndoData> undo;
    private final InMemoryAccountState state = InMemoryAccountState.empty();
    private Hash256 tip;

    /** A store whose tip is the genesis block {@code genesisId}, with the empty state; it keeps every body. */
    public InMemoryChainStore(Hash256 genesisId, Block genesis) {
        this(genesisId, genesis, Integer.MAX_VALUE);
    }

    private InMemoryChainStore(Hash256 genesisId, Block genesis, int kept) {
        this.blocks = newest(kept);
        this.undo = newest(kept);
        this.tip = genesisId;
        blocks.put(genesisId, genesis);
    }

    /**
     * As the constructor, keeping only the {@code kept} bodies and undo records stored last (so no
     * reorganisation deeper than that): for benchmarks that stream chains longer than memory holds.
     */
    public static InMemoryChainStore keepingLast(int kept, Hash256 genesisId, Block genesis) {
        if (kept < 1) {
            throw new IllegalArgumentException("kept must be at least 1");
        }
        return new InMemoryChainStore(genesisId, genesis, kept);
    }

    private static <V> Map<Hash256, V> newest(int kept) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash256, V> eldest) {
                return size() > kept;
            }
        };
    }

    @Override
    public Hash256 tip() {
        return tip;
    }

    @Override
    public AccountStateView state() {
        return state;
    }

    /** The state itself, for tests that compare it with a recomputation. */
    public InMemoryAccountState accountState() {
        return state;
    }

    @Override
    public void storeBlock(Hash256 id, Block block) {
        blocks.putIfAbsent(id, block);
    }

    @Override
    public Optional<Block> block(Hash256 id) {
        return Optional.ofNullable(blocks.get(id));
    }

    @Override
    public Optional<UndoData> undo(Hash256 id) {
        return Optional.ofNullable(undo.get(id));
    }

    @Override
    public void connect(Hash256 id, Block block, StateDiff diff, UndoData undoData) {
        requireChildOfTip(id, block);
        state.apply(diff);
        advance(id, undoData);
    }

    @Override
    public void connect(Hash256 id, Block block, ConnectResult.Connected connected) {
        requireChildOfTip(id, block);
        state.apply(connected.diff(), connected.hashChange().accumulator());
        advance(id, connected.undo());
    }

    private void requireChildOfTip(Hash256 id, Block block) {
        if (!block.header().previousId().equals(tip)) {
            throw new IllegalStateException("block " + id + " does not extend the tip " + tip);
        }
    }

    private void advance(Hash256 id, UndoData undoData) {
        undo.put(id, undoData);
        tip = id;
    }

    @Override
    public void disconnect(Hash256 id, Block block, UndoData undoData) {
        if (!id.equals(tip)) {
            throw new IllegalStateException("block " + id + " is not the tip " + tip);
        }
        state.revert(undoData);
        undo.remove(id);
        tip = block.header().previousId();
    }
}

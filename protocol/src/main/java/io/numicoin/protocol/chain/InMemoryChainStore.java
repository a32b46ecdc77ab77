package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.state.AccountStateView;
import io.numicoin.protocol.state.InMemoryAccountState;
import io.numicoin.protocol.state.StateDiff;
import io.numicoin.protocol.state.UndoData;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link ChainStore} in memory: for tests, tools and benchmarks. Not thread-safe. */
public final class InMemoryChainStore implements ChainStore {

    private final Map<Hash256, Block> blocks = new HashMap<>();
    private final Map<Hash256, UndoData> undo = new HashMap<>();
    private final InMemoryAccountState state = InMemoryAccountState.empty();
    private Hash256 tip;

    /** A store whose tip is the genesis block {@code genesisId}, with the empty state. */
    public InMemoryChainStore(Hash256 genesisId, Block genesis) {
        this.tip = genesisId;
        blocks.put(genesisId, genesis);
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
        if (!block.header().previousId().equals(tip)) {
            throw new IllegalStateException("block " + id + " does not extend the tip " + tip);
        }
        state.apply(diff);
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

package io.numicoin.bench;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.ChainStore;
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
 * A {@link ChainStore} that costs next to nothing: the account state in a hash map, its set hash
 * taken from the state rules as the node's store takes it (no element hashed a second time), and
 * only the last {@value #KEPT} bodies and undo records. An import through it is validation alone —
 * header, body, signatures, state rules and the state hash — so its rate is the ceiling of any
 * storage design. Not thread-safe (the importer is its one writer).
 */
final class ValidationOnlyStore implements ChainStore {

    private static final int KEPT = 32;

    private final InMemoryAccountState state = InMemoryAccountState.empty();
    private final Map<Hash256, Block> blocks = newest();
    private final Map<Hash256, UndoData> undo = newest();
    private Hash256 tip;

    ValidationOnlyStore(Hash256 genesisId, Block genesis) {
        tip = genesisId;
        blocks.put(genesisId, genesis);
    }

    private static <V> Map<Hash256, V> newest() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash256, V> eldest) {
                return size() > KEPT;
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
        undo.put(id, undoData);
        tip = id;
    }

    @Override
    public void connect(Hash256 id, Block block, ConnectResult.Connected connected) {
        requireChildOfTip(id, block);
        state.apply(connected.diff(), connected.hashChange().accumulator());
        undo.put(id, connected.undo());
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

    private void requireChildOfTip(Hash256 id, Block block) {
        if (!block.header().previousId().equals(tip)) {
            throw new IllegalStateException("block " + id + " does not extend the tip " + tip);
        }
    }
}

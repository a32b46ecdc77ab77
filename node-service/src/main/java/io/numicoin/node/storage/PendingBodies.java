package io.numicoin.node.storage;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Bodies handed to {@code storeBlock} that no transaction has written yet, in arrival order with
 * their body-arrival numbers ({@code data_seq}). The next store transaction writes them first, so
 * a block's body, its DATA_AVAILABLE mark and its connect commit together. Until then the store
 * serves them from here. Used under the import lock only.
 */
final class PendingBodies {

    /** One body waiting for its transaction. */
    record Body(Hash256 id, Block block, long dataSeq) {
    }

    private final LinkedHashMap<Hash256, Body> bodies = new LinkedHashMap<>();

    void add(Hash256 id, Block block, long dataSeq) {
        bodies.putIfAbsent(id, new Body(id, block, dataSeq));
    }

    Block get(Hash256 id) {
        Body body = bodies.get(id);
        return body == null ? null : body.block();
    }

    boolean isEmpty() {
        return bodies.isEmpty();
    }

    /** Hands over and forgets every pending body, oldest first. */
    List<Body> drain() {
        List<Body> drained = new ArrayList<>(bodies.values());
        bodies.clear();
        return drained;
    }

    /** Forgets them (after a rollback: the caller reloads and the tree forgets these blocks too). */
    void discard() {
        bodies.clear();
    }
}

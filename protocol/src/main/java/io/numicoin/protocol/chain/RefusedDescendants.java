package io.numicoin.protocol.chain;

import io.numicoin.protocol.hash.Hash256;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids of blocks refused because their parent is invalid (or was itself refused so), remembered
 * outside the block tree: such a block is never stored, so a stranger cannot grow the tree with
 * children of one invalid block, yet its own descendants are still refused as
 * {@code INVALID_ANCESTOR} at once instead of waiting as orphans. Bounded: the oldest ids are
 * forgotten first (a forgotten descendant's child just waits as an orphan). Not thread-safe.
 */
final class RefusedDescendants {

    static final int DEFAULT_CAPACITY = 10_000;

    private final Map<Hash256, Boolean> ids;

    RefusedDescendants(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash256, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    void add(Hash256 id) {
        ids.put(id, Boolean.TRUE);
    }

    boolean contains(Hash256 id) {
        return ids.containsKey(id);
    }
}

package io.numicoin.node.storage;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few blocks stored, so that connecting a block just stored does not read and decode
 * its body again. Consistent by construction: a block id names one header, whose merkle root the
 * body rules checked before the body was stored, so an entry can never disagree with the table
 * (a corrupted stored body is found by the integrity check at startup, which starts with an empty cache).
 */
final class RecentBlocks {

    private final int capacity;
    private final LinkedHashMap<Hash256, Block> blocks = new LinkedHashMap<>();

    RecentBlocks(int capacity) {
        this.capacity = capacity;
    }

    Block get(Hash256 id) {
        return blocks.get(id);
    }

    void put(Hash256 id, Block block) {
        blocks.put(id, block);
        while (blocks.size() > capacity) {
            Map.Entry<Hash256, Block> eldest = blocks.firstEntry();
            blocks.remove(eldest.getKey());
        }
    }

    void clear() {
        blocks.clear();
    }
}

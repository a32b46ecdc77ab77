package io.numicoin.node.storage;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The last few blocks stored, so that connecting a block just stored does not read and decode
 * its body again. Consistent by construction: a block id names one header, whose merkle root the
 * body rules checked before the body was stored, so an entry can never disagree with the table
 * (a corrupted stored body is found by the integrity check at startup, which starts with an empty cache).
 */
final class RecentBlocks {

    /** A stored block and its txids in block order (null when the caller did not have them). */
    private record Entry(Block block, List<Hash256> txids) {
    }

    private final int capacity;
    private final LinkedHashMap<Hash256, Entry> blocks = new LinkedHashMap<>();

    RecentBlocks(int capacity) {
        this.capacity = capacity;
    }

    Block get(Hash256 id) {
        Entry entry = blocks.get(id);
        return entry == null ? null : entry.block();
    }

    /** The txids stored with the block, or null (not recent, or stored without them). */
    List<Hash256> txids(Hash256 id) {
        Entry entry = blocks.get(id);
        return entry == null ? null : entry.txids();
    }

    /** @param txids the body rules' txids, or null */
    void put(Hash256 id, Block block, List<Hash256> txids) {
        Entry known = blocks.get(id);
        blocks.put(id, new Entry(block, txids != null ? txids : known != null ? known.txids() : null));
        while (blocks.size() > capacity) {
            blocks.remove(blocks.firstEntry().getKey());
        }
    }

    void clear() {
        blocks.clear();
    }
}

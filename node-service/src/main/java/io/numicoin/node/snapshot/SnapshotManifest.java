package io.numicoin.node.snapshot;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.Network;
import java.math.BigInteger;
import java.util.List;

/**
 * What a state snapshot claims: the account state (accounts, then immature rewards, each sorted by
 * its encoding) after block {@code blockId} at {@code height} of {@code network}, cut into chunks.
 * The header is carried so the state can be checked against its commitment without the chain; the
 * cumulative work is the exporter's claim (only headers could prove it).
 */
public record SnapshotManifest(Network network, long height, Hash256 blockId, BlockHeader header, BigInteger cumulativeWork,
        long accounts, long rewards, List<Chunk> chunks) {

    /** One chunk: how many 49-byte state elements it holds and the BLAKE3 hash of its bytes. */
    public record Chunk(int elements, Hash256 hash) {
    }

    public SnapshotManifest {
        chunks = List.copyOf(chunks);
    }

    public long elements() {
        return accounts + rewards;
    }
}

package io.numicoin.node.snapshot;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.Network;
import java.math.BigInteger;
import java.util.List;

/**
 * What a state snapshot claims: the account state (accounts, then immature rewards, each sorted by
 * its encoding) after block {@code blockId} at {@code height} of {@code network}, cut into chunks.
 * The header is carried so the state can be checked against its commitment; the file also carries the
 * whole header chain up to it ({@code headersHash}: BLAKE3 of those {@code height + 1} headers), which
 * proves the cumulative work and lets the node run from the snapshot.
 */
public record SnapshotManifest(Network network, long height, Hash256 blockId, BlockHeader header, BigInteger cumulativeWork,
        Hash256 headersHash, long accounts, long rewards, List<Chunk> chunks) {

    /** One chunk: how many 49-byte state elements it holds and the BLAKE3 hash of its bytes. */
    public record Chunk(int elements, Hash256 hash) {
    }

    public SnapshotManifest {
        chunks = List.copyOf(chunks);
    }

    public long elements() {
        return accounts + rewards;
    }

    /** How many headers the file carries: genesis to the snapshot's block. */
    public long headerCount() {
        return height + 1;
    }
}

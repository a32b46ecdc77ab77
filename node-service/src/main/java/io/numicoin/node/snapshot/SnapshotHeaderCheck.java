package io.numicoin.node.snapshot;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.AddHeaderResult;
import io.numicoin.protocol.chain.BlockIndexEntry;
import io.numicoin.protocol.chain.BlockTree;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.validation.BlockRejection;
import io.numicoin.protocol.validation.HeaderRules;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks a snapshot's header chain as a node checks headers from a peer: the first is this
 * network's genesis, each next one extends the one before and passes every header rule against the
 * branch so far (version, height, median time past, future limit, difficulty, Argon2id proof of
 * work); the last must be the snapshot's block and the work they add up to the manifest's claim.
 * Keeps the headers in a {@link BlockTree}, as the node will.
 */
final class SnapshotHeaderCheck {

    private final NetworkParams params;
    private final HeaderRules rules;
    private final long nowSeconds;
    private final BlockTree tree;
    private Hash256 lastId;

    SnapshotHeaderCheck(NetworkParams params, long nowSeconds) {
        this.params = params;
        this.rules = new HeaderRules(params);
        this.nowSeconds = nowSeconds;
        this.tree = new BlockTree(params.genesis().header());
    }

    /** Takes the header at {@code height} (they come in order from 0). */
    void header(long height, byte[] encoded) throws SnapshotException {
        if (height == 0) {
            if (!Arrays.equals(encoded, BlockHeaderCodec.encode(params.genesis().header()))) {
                throw new SnapshotException("the snapshot's header chain does not start at " + params.network().id() + "'s genesis");
            }
            lastId = params.genesisId();
            return;
        }
        BlockHeader header;
        try {
            header = BlockHeaderCodec.decode(encoded);
        } catch (DecodeException e) {
            throw new SnapshotException("the snapshot's header at height " + height + " does not decode: " + e.getMessage(), e);
        }
        if (header.height() != height || !header.previousId().equals(lastId)) {
            throw new SnapshotException("the snapshot's header at height " + height + " does not extend the one below it");
        }
        Optional<BlockRejection> rejection = rules.check(header, tree.branch(lastId), nowSeconds);
        if (rejection.isPresent()) {
            throw new SnapshotException("the snapshot's header at height " + height + " breaks a header rule: " + rejection.get());
        }
        AddHeaderResult added = tree.addHeader(header);
        if (!added.isAdded()) {
            throw new SnapshotException("the snapshot's header at height " + height + " was not accepted (" + added.outcome() + ")");
        }
        lastId = added.id();
    }

    /** After the last header: it is the manifest's block, with the manifest's cumulative work. */
    void finish(SnapshotManifest manifest) throws SnapshotException {
        if (!manifest.blockId().equals(lastId)) {
            throw new SnapshotException("the snapshot's header chain ends at " + lastId + ", not at its block " + manifest.blockId());
        }
        BlockIndexEntry last = tree.entry(lastId).orElseThrow();
        if (!last.cumulativeWork().equals(manifest.cumulativeWork())) {
            throw new SnapshotException("the snapshot's headers add up to work " + last.cumulativeWork() + ", its manifest claims "
                    + manifest.cumulativeWork());
        }
    }
}

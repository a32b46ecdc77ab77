package io.numicoin.node.snapshot;

import io.numicoin.node.p2p.sync.HeaderPowVerifier;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks a snapshot's header chain as a node checks headers from a peer: the first is this
 * network's genesis, each next one extends the one before and passes every header rule against the
 * branch so far (version, height, median time past, future limit, difficulty, Argon2id proof of
 * work); the last must be the snapshot's block and the work they add up to the manifest's claim.
 * Keeps the headers in a {@link BlockTree}, as the node will. Proofs of work are checked in batches
 * of {@link #BATCH} on all cores ({@link HeaderPowVerifier}, as sync does) before the batch's
 * other rules run in order; close it to stop the pool.
 */
final class SnapshotHeaderCheck implements AutoCloseable {

    static final int BATCH = 2_000;

    private final NetworkParams params;
    private final HeaderRules rules;
    private final long nowSeconds;
    private final BlockTree tree;
    private final HeaderPowVerifier pow;
    private final List<BlockHeader> pending = new ArrayList<>(BATCH);
    private Hash256 lastId;
    private Hash256 lastChecked;

    SnapshotHeaderCheck(NetworkParams params, long nowSeconds) {
        this.params = params;
        this.rules = new HeaderRules(params);
        this.nowSeconds = nowSeconds;
        this.tree = new BlockTree(params.genesis().header());
        this.pow = new HeaderPowVerifier(params.pow(), Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Takes the header at {@code height} (they come in order from 0). */
    void header(long height, byte[] encoded) throws SnapshotException {
        if (height == 0) {
            if (!Arrays.equals(encoded, BlockHeaderCodec.encode(params.genesis().header()))) {
                throw new SnapshotException("the snapshot's header chain does not start at " + params.network().id() + "'s genesis");
            }
            lastId = params.genesisId();
            lastChecked = lastId;
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
        lastId = BlockHeaderCodec.id(header);
        pending.add(header);
        if (pending.size() == BATCH) {
            checkPending();
        }
    }

    /** Proofs of work of the pending batch in parallel, then its other rules in order against the branch so far. */
    private void checkPending() throws SnapshotException {
        OptionalInt failed;
        try {
            failed = pow.firstFailure(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotException("interrupted while checking the snapshot's proofs of work", e);
        }
        if (failed.isPresent()) {
            throw new SnapshotException("the snapshot's header at height " + pending.get(failed.getAsInt()).height()
                    + " breaks a header rule: INSUFFICIENT_PROOF_OF_WORK");
        }
        for (BlockHeader header : pending) {
            Optional<BlockRejection> rejection = rules.check(header, tree.branch(lastChecked), nowSeconds, false);
            if (rejection.isPresent()) {
                throw new SnapshotException("the snapshot's header at height " + header.height() + " breaks a header rule: "
                        + rejection.get());
            }
            AddHeaderResult added = tree.addHeader(header);
            if (!added.isAdded()) {
                throw new SnapshotException("the snapshot's header at height " + header.height() + " was not accepted ("
                        + added.outcome() + ")");
            }
            lastChecked = added.id();
        }
        pending.clear();
    }

    /** After the last header: it is the manifest's block, with the manifest's cumulative work. */
    void finish(SnapshotManifest manifest) throws SnapshotException {
        checkPending();
        if (!manifest.blockId().equals(lastId)) {
            throw new SnapshotException("the snapshot's header chain ends at " + lastId + ", not at its block " + manifest.blockId());
        }
        BlockIndexEntry last = tree.entry(lastChecked).orElseThrow();
        if (!last.cumulativeWork().equals(manifest.cumulativeWork())) {
            throw new SnapshotException("the snapshot's headers add up to work " + last.cumulativeWork() + ", its manifest claims "
                    + manifest.cumulativeWork());
        }
    }

    @Override
    public void close() {
        pow.close();
    }
}

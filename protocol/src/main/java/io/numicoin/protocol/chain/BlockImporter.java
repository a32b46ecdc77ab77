package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.PowCheck;
import io.numicoin.protocol.state.UndoData;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.protocol.validation.BlockRejection;
import io.numicoin.protocol.validation.CheckedBody;
import io.numicoin.protocol.validation.ConnectResult;
import io.numicoin.protocol.validation.HeaderRules;
import io.numicoin.protocol.validation.StateRules;
import java.util.ArrayDeque;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Where blocks meet the chain: checks a block's header and body, stores it, keeps the active
 * chain on the branch with the most work (disconnecting with undo data and connecting with full
 * state validation, one block at a time), remembers invalid blocks and their descendants, and
 * adopts orphans when their parent arrives. Why a block was invalid is kept in the tree
 * ({@link BlockTree#rejection}), so a repeat import gets the original reason. Storage is behind {@link ChainStore}; time is passed
 * in. Not thread-safe: a node calls it from one thread (or under one lock).
 */
public final class BlockImporter {

    private final BlockTree tree;
    private final ChainStore store;
    /** Only blocks whose proof of work was verified before they were kept ({@link #orphan}). */
    private final OrphanPool<WorkVerifiedBlock> orphans;
    private final HeaderRules headerRules;
    private final BlockBodyRules bodyRules;
    private final StateRules stateRules;
    private final BlockAdmission admission;
    private final RefusedDescendants refusedDescendants = new RefusedDescendants(RefusedDescendants.DEFAULT_CAPACITY);

    public BlockImporter(BlockTree tree, ChainStore store, OrphanPool<WorkVerifiedBlock> orphans,
            HeaderRules headerRules, BlockBodyRules bodyRules, StateRules stateRules, BlockAdmission admission) {
        this.admission = admission;
        this.tree = tree;
        this.store = store;
        this.orphans = orphans;
        this.headerRules = headerRules;
        this.bodyRules = bodyRules;
        this.stateRules = stateRules;
    }

    /** Imports one block and any orphans waiting on it. */
    public BlockImportResult importBlock(Block block, long nowSeconds) {
        return importBlock(block, null, nowSeconds, OrphanPool.NO_SOURCE);
    }

    /**
     * As {@link #importBlock(Block, long)} for a block from {@code source} (a peer): if it is an
     * orphan, it counts against that source's quota in the orphan pool.
     */
    public BlockImportResult importBlock(Block block, long nowSeconds, String source) {
        return importBlock(block, null, nowSeconds, source);
    }

    /**
     * As {@link #importBlock(Block, long)} for a block whose body was checked ahead (signatures
     * verified off the import thread): its verdict is used instead of checking the body again,
     * if these rules made it.
     */
    public BlockImportResult importBlock(CheckedBody checked, long nowSeconds) {
        return importBlock(checked.block(), checked.checkedBy(bodyRules) ? checked : null, nowSeconds, OrphanPool.NO_SOURCE, false);
    }

    /**
     * As {@link #importBlock(Block, long, String)} for a block whose header's proof of work this
     * process verified ({@link BlockRelayCheck}): if the header is new, every header rule runs but the
     * Argon2id one, whose verdict the block carries (unless it was reached under other proof-of-work
     * parameters than these rules', when it runs again). Nothing else is skipped.
     */
    public BlockImportResult importBlock(WorkVerifiedBlock verified, long nowSeconds, String source) {
        return importBlock(verified.block(), null, nowSeconds, source, verified.verifiedUnder(headerRules.powParams()));
    }

    /** Argon2id runs the header rules of imports have spent (readable from any thread). */
    public long headerPowChecks() {
        return headerRules.powChecks();
    }

    private BlockImportResult importBlock(Block block, CheckedBody checked, long nowSeconds, String source) {
        return importBlock(block, checked, nowSeconds, source, false);
    }

    /** {@code workVerified}: the header's proof of work was verified before, by this process, under these rules' parameters. */
    private BlockImportResult importBlock(Block block, CheckedBody checked, long nowSeconds, String source, boolean workVerified) {
        orphans.expire(nowSeconds);
        List<ChainChange> changes = new ArrayList<>();
        BlockImportResult first = importOne(block, checked, workVerified, nowSeconds, source, changes);
        // Orphans waiting on a block the tree now knows (or has refused as a descendant of an
        // invalid one) are imported too: connected if valid, refused as INVALID_ANCESTOR if not.
        Deque<Hash256> parents = new ArrayDeque<>();
        if (first.outcome() != BlockImportResult.Outcome.ORPHANED
                && (tree.contains(first.id()) || refusedDescendants.contains(first.id()))) {
            parents.add(first.id());
        }
        while (!parents.isEmpty()) {
            for (WorkVerifiedBlock child : orphans.takeChildren(parents.poll())) {
                boolean childWorkVerified = child.verifiedUnder(headerRules.powParams());
                BlockImportResult result = importOne(child.block(), null, childWorkVerified, nowSeconds, OrphanPool.NO_SOURCE, changes);
                if (tree.contains(result.id()) || refusedDescendants.contains(result.id())) {
                    parents.add(result.id());
                }
            }
        }
        BlockImportResult.Outcome outcome = first.outcome();
        Optional<BlockRejection> rejection = first.rejection();
        if (outcome == BlockImportResult.Outcome.CONNECTED || outcome == BlockImportResult.Outcome.SIDE_BRANCH) {
            // Adopted orphans may have moved the tip since: report where this block ended up.
            if (tree.isKnownInvalid(first.id())) {
                outcome = BlockImportResult.Outcome.INVALID;
                rejection = Optional.of(knownInvalid(first.id()));
            } else {
                outcome = tree.isOnBranch(first.id(), store.tip())
                        ? BlockImportResult.Outcome.CONNECTED : BlockImportResult.Outcome.SIDE_BRANCH;
            }
        }
        return new BlockImportResult(outcome, first.id(), rejection, changes);
    }

    /**
     * Checks and records a header without its body; refused unstored ({@link BlockRejectReason#LOW_CHAIN_WORK})
     * when its chain's work is below {@link BlockAdmission#workThreshold}.
     */
    public Optional<BlockRejection> importHeader(BlockHeader header, long nowSeconds) {
        return importHeader(header, nowSeconds, true);
    }

    /**
     * As {@link #importHeader(BlockHeader, long)}; with {@code verifyWork} false the caller vouches
     * that it has already verified this header's proof of work against its expected target and that
     * the chain the header belongs to reaches the work threshold (headers-first sync verifies
     * batches in parallel and presyncs a low-work chain's headers before storing any).
     */
    public Optional<BlockRejection> importHeader(BlockHeader header, long nowSeconds, boolean verifyWork) {
        Hash256 id = BlockHeaderCodec.id(header);
        if (tree.contains(id)) {
            return tree.isKnownInvalid(id) ? Optional.of(knownInvalid(id)) : Optional.empty();
        }
        if (refusedDescendants.contains(id) || refusedDescendants.contains(header.previousId())) {
            refusedDescendants.add(id);
            return Optional.of(BlockRejection.of(BlockRejectReason.INVALID_ANCESTOR, "it descends from an invalid block"));
        }
        if (!tree.contains(header.previousId())) {
            return Optional.of(BlockRejection.of(BlockRejectReason.INVALID_ANCESTOR, "unknown parent " + header.previousId()));
        }
        if (verifyWork) {
            Optional<BlockRejection> lowWork = lowWork(header);
            if (lowWork.isPresent()) {
                return lowWork;
            }
        }
        return admitHeader(header, id, nowSeconds, verifyWork);
    }

    /** A new header whose chain work (parent's plus its own claim) is below the threshold: not worth storing. */
    private Optional<BlockRejection> lowWork(BlockHeader header) {
        if (tree.isKnownInvalid(header.previousId()) || tree.isBelowSnapshotBase(header.height())) {
            return Optional.empty();  // refused by admitHeader, with its own reason
        }
        BigInteger work = tree.entry(header.previousId()).orElseThrow().cumulativeWork().add(BlockAdmission.workOf(header));
        BigInteger threshold = admission.workThreshold(tree.entry(store.tip()).orElseThrow());
        if (work.compareTo(threshold) < 0) {
            return Optional.of(BlockRejection.of(BlockRejectReason.LOW_CHAIN_WORK,
                    "chain work " + work + " is below " + threshold + " (minimum chain work, or too far below the tip)"));
        }
        return Optional.empty();
    }

    /** Argon2id runs spent checking orphans before admitting them to the pool. */
    public long orphanPowChecks() {
        return admission.orphanPowChecks();
    }

    /**
     * {@code checked}: the body's verdict when it was checked ahead, else null (checked here);
     * {@code workVerified}: the header's proof of work was verified already (not run again here).
     */
    private BlockImportResult importOne(Block block, CheckedBody checked, boolean workVerified, long nowSeconds, String source,
            List<ChainChange> changes) {
        BlockHeader header = block.header();
        Hash256 id = BlockHeaderCodec.id(header);
        Optional<BlockIndexEntry> known = tree.entry(id);
        if (known.isPresent() && known.get().status().isInvalid()) {
            return invalid(id, knownInvalid(id), changes);
        }
        if (known.isPresent() && (known.get().status().hasData() || known.get().status() == BlockStatus.FROM_SNAPSHOT)) {
            return new BlockImportResult(BlockImportResult.Outcome.ALREADY_KNOWN, id, Optional.empty(), changes);
        }
        if (known.isEmpty()) {
            if (refusedDescendants.contains(id) || refusedDescendants.contains(header.previousId())) {
                refusedDescendants.add(id);
                return invalid(id, BlockRejection.of(BlockRejectReason.INVALID_ANCESTOR, "it descends from an invalid block"), changes);
            }
            if (!tree.contains(header.previousId())) {
                return orphan(block, id, workVerified, nowSeconds, source, changes);
            }
            Optional<BlockRejection> lowWork = lowWork(header);
            if (lowWork.isPresent()) {
                return invalid(id, lowWork.get(), changes);
            }
            Optional<BlockRejection> headerRejection = admitHeader(header, id, nowSeconds, !workVerified);
            if (headerRejection.isPresent()) {
                return invalid(id, headerRejection.get(), changes);
            }
        }
        CheckedBody body = checked != null ? checked : bodyRules.checked(block);
        Optional<BlockRejection> bodyRejection = body.rejection();
        if (bodyRejection.isPresent()) {
            if (bodyRejection.get().reason().invalidatesHeader()) {
                tree.markInvalid(id, bodyRejection.get());
            }
            return invalid(id, bodyRejection.get(), changes);
        }
        store.storeBlock(id, block, body.txids());
        tree.markDataAvailable(id);
        activateBestChain(changes);
        if (tree.isKnownInvalid(id)) {
            return invalid(id, knownInvalid(id), changes);
        }
        BlockImportResult.Outcome outcome = tree.isOnBranch(id, store.tip())
                ? BlockImportResult.Outcome.CONNECTED : BlockImportResult.Outcome.SIDE_BRANCH;
        return new BlockImportResult(outcome, id, Optional.empty(), changes);
    }

    /**
     * Header rules against the parent's branch, then into the tree. A child of a block known to be
     * invalid is refused without being stored: storing it would let anyone grow the tree for free.
     */
    private Optional<BlockRejection> admitHeader(BlockHeader header, Hash256 id, long nowSeconds, boolean verifyWork) {
        if (tree.isKnownInvalid(header.previousId())) {
            refusedDescendants.add(id);
            return Optional.of(BlockRejection.of(BlockRejectReason.INVALID_ANCESTOR, "parent " + header.previousId() + " is invalid"));
        }
        if (tree.isBelowSnapshotBase(header.height())) {
            return Optional.of(BlockRejection.of(BlockRejectReason.BELOW_SNAPSHOT_BASE, "height " + header.height()
                    + " is at or below this node's snapshot base (height " + tree.snapshotBase().orElseThrow().height()
                    + "): it forks below the state the node loaded"));
        }
        Optional<BlockRejection> rejection = headerRules.check(header, tree.branch(header.previousId()), nowSeconds, verifyWork);
        if (rejection.isPresent()) {
            return rejection;
        }
        AddHeaderResult added = tree.addHeader(header);
        return switch (added.outcome()) {
            case ADDED, ALREADY_KNOWN -> Optional.empty();
            case BAD_HEIGHT -> Optional.of(BlockRejection.of(BlockRejectReason.BAD_HEIGHT, "height " + header.height()));
            case PARENT_INVALID -> Optional.of(BlockRejection.of(BlockRejectReason.INVALID_ANCESTOR, "parent is invalid"));
            case BELOW_SNAPSHOT_BASE -> Optional.of(BlockRejection.of(BlockRejectReason.BELOW_SNAPSHOT_BASE, "height " + header.height()));
            case UNKNOWN_PARENT -> throw new IllegalStateException("parent of " + id + " vanished from the tree");
        };
    }

    /**
     * Moves the active chain to the best candidate the tree knows, as an import would. For a node
     * whose stored tip fell behind its tree: after a restart in the middle of a reorganisation, or
     * after a failed write. Returns the changes made (none when the tip is already the best).
     */
    public List<ChainChange> activateBestChain() {
        List<ChainChange> changes = new ArrayList<>();
        activateBestChain(changes);
        return List.copyOf(changes);
    }

    /** Moves the active chain to the best candidate, trying the next best whenever a block fails. */
    private void activateBestChain(List<ChainChange> changes) {
        while (true) {
            BlockIndexEntry candidate = tree.bestBlockCandidate();
            if (candidate.id().equals(store.tip())) {
                return;
            }
            ReorgPlan plan = tree.planReorg(store.tip(), candidate.id());
            for (Hash256 id : plan.disconnect()) {
                Block block = storedBlock(id);
                UndoData undo = store.undo(id).orElseThrow(() -> new IllegalStateException("no undo data for connected block " + id));
                store.disconnect(id, block, undo);
                changes.add(new ChainChange(ChainChange.Kind.DISCONNECTED, id, block.height()));
            }
            for (Hash256 id : plan.connect()) {
                Block block = storedBlock(id);
                ConnectResult result = stateRules.apply(block, store.state());
                if (result instanceof ConnectResult.Rejected rejected) {
                    tree.markInvalid(id, rejected.rejection());
                    break;
                }
                ConnectResult.Connected connected = (ConnectResult.Connected) result;
                store.connect(id, block, connected);
                tree.markValid(id);
                changes.add(new ChainChange(ChainChange.Kind.CONNECTED, id, block.height()));
            }
        }
    }

    /**
     * Into the orphan pool, under {@code source}'s quota, once the body matches the header's merkle
     * root (so an orphan stored under a block id is that id's one body: a mutated copy cannot take
     * the id's place and shut out the honest block) and the header carries the proof of work it
     * claims (a stranger pays an Argon2id run for every orphan it makes us keep; a block whose work
     * was verified before pays none here). Neither failure marks anything invalid: the block is not
     * in the tree. The pool keeps it as a {@link WorkVerifiedBlock}, so its adoption runs no second Argon2id.
     */
    private BlockImportResult orphan(Block block, Hash256 id, boolean workVerified, long nowSeconds, String source,
            List<ChainChange> changes) {
        if (orphans.contains(id)) {
            return new BlockImportResult(BlockImportResult.Outcome.ALREADY_KNOWN, id, Optional.empty(), changes);
        }
        if (!MerkleTree.root(block.transactions()).equals(block.header().merkleRoot())) {
            return invalid(id, BlockRejection.of(BlockRejectReason.MERKLE_ROOT_MISMATCH,
                    "an orphan's transactions do not match its header's merkle root"), changes);
        }
        PowCheck work = workVerified ? PowCheck.VALID : admission.orphanWork(block.header());
        if (work != PowCheck.VALID) {
            return invalid(id, BlockRejection.of(BlockRejectReason.INSUFFICIENT_PROOF_OF_WORK, "orphan's proof of work " + work), changes);
        }
        // its work holds: verified above, or before under the header rules' parameters
        WorkVerifiedBlock verified = new WorkVerifiedBlock(block, workVerified ? headerRules.powParams() : admission.powParams());
        orphans.add(id, block.header().previousId(), BlockCodec.encodedSize(block), verified, nowSeconds, source);
        return new BlockImportResult(BlockImportResult.Outcome.ORPHANED, id, Optional.empty(), changes);
    }

    private Block storedBlock(Hash256 id) {
        return store.block(id).orElseThrow(() -> new IllegalStateException("block " + id + " is marked available but not stored"));
    }

    private BlockRejection knownInvalid(Hash256 id) {
        return tree.rejection(id).orElseGet(() -> BlockRejection.of(BlockRejectReason.INVALID_ANCESTOR,
                "block " + id + " is known to be invalid or to descend from one"));
    }

    private static BlockImportResult invalid(Hash256 id, BlockRejection rejection, List<ChainChange> changes) {
        return new BlockImportResult(BlockImportResult.Outcome.INVALID, id, Optional.of(rejection), changes);
    }

    public Hash256 tip() {
        return store.tip();
    }

    public BlockTree tree() {
        return tree;
    }
}

package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.validation.BlockRejection;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every block header a node has accepted, as a tree rooted at genesis, with fork choice: the most
 * cumulative work wins ({@code header.target().work()} summed from genesis); between equal work the
 * one seen first stays. The tree only keeps books: callers check headers (proof of work,
 * difficulty, time) before {@link #addHeader} and report what happened to bodies through
 * {@link #markDataAvailable}, {@link #markValid} and {@link #markInvalid}. A {@link BlockTreeListener}
 * given at construction hears of every entry added and every status changed, so a node can persist them.
 *
 * <p><b>Not thread-safe.</b> A {@code BlockTree} is mutable and meant for one thread at a time; a
 * node wraps it in its own lock. Returned entries, plans, lists and {@link #branch} views are
 * immutable or only read links that never change, so they may be handed to other threads.
 *
 * <p><b>Costs</b> (n = number of entries): {@link #addHeader} O(log n); {@link #ancestor} and each
 * {@code branch(..).atHeight} O(log n) (skip pointers); {@link #planReorg} O(log n + plan length);
 * {@link #locator} O(log² n); best tips O(1), kept up to date on each change, except that
 * {@link #markInvalid} rescans all entries (O(n)) when it invalidates a current best.
 *
 * <p><b>Memory.</b> Entries are never removed: invalid blocks and their descendants stay (so they
 * are never fetched again) along with every stale branch. Each entry held a header whose proof of
 * work the caller checked, so the tree grows only as fast as work is spent. An entry takes about
 * 620 bytes of heap (measured on a 300,000-block chain), so a million headers, about a year at
 * 30 s blocks, take about 600 MiB.
 *
 * <p><b>Snapshot base.</b> A node started from a state snapshot holds every header from genesis to
 * the snapshot's block but no bodies below it. {@link #markSnapshotBase} records that block as the
 * base: it and its ancestors become {@link BlockStatus#FROM_SNAPSHOT} (connected, no body), and from
 * then on the tree refuses new headers at or below the base's height
 * ({@link AddHeaderResult.Outcome#BELOW_SNAPSHOT_BASE}), so every branch it holds forks at or above
 * the base and no reorganisation ever needs a block below it, like assumeutxo's base block.
 */
public final class BlockTree {

    /** The most headers {@link #headersAfter} returns in one answer. */
    public static final int MAX_HEADERS_PER_MESSAGE = 2_000;

    private final Map<Hash256, TreeNode> nodes = new HashMap<>();
    private final TreeNode genesis;
    private final BlockTreeListener listener;
    private long nextFirstSeen;
    private long nextDataSequence;
    private TreeNode bestHeader;
    private TreeNode bestCandidate;
    private TreeNode snapshotBase;

    /** A tree holding only {@code genesisHeader} (height 0), which counts as connected ({@link BlockStatus#VALID}). */
    public BlockTree(BlockHeader genesisHeader) {
        this(genesisHeader, BlockTreeListener.NONE);
    }

    /** As {@link #BlockTree(BlockHeader)}, telling {@code listener} about every later change. */
    public BlockTree(BlockHeader genesisHeader, BlockTreeListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        if (genesisHeader.height() != 0) {
            throw new IllegalArgumentException("genesis must have height 0, got " + genesisHeader.height());
        }
        genesis = new TreeNode(BlockHeaderCodec.id(genesisHeader), genesisHeader, null, BlockStatus.VALID, nextFirstSeen++);
        genesis.chainHasData = true;
        genesis.dataSequence = nextDataSequence++;
        nodes.put(genesis.id, genesis);
        bestHeader = genesis;
        bestCandidate = genesis;
    }

    /** Records a header the caller has already checked for proof of work, difficulty and time. */
    public AddHeaderResult addHeader(BlockHeader header) {
        Hash256 id = BlockHeaderCodec.id(header);
        if (nodes.containsKey(id)) {
            return new AddHeaderResult(AddHeaderResult.Outcome.ALREADY_KNOWN, id);
        }
        TreeNode parent = nodes.get(header.previousId());
        if (parent == null) {
            return new AddHeaderResult(AddHeaderResult.Outcome.UNKNOWN_PARENT, id);
        }
        if (isBelowSnapshotBase(header.height())) {
            return new AddHeaderResult(AddHeaderResult.Outcome.BELOW_SNAPSHOT_BASE, id);
        }
        if (header.height() != parent.height + 1) {
            return new AddHeaderResult(AddHeaderResult.Outcome.BAD_HEIGHT, id);
        }
        BlockStatus status = parent.isInvalid() ? BlockStatus.INVALID_ANCESTOR : BlockStatus.HEADER_ONLY;
        TreeNode node = new TreeNode(id, header, parent, status, nextFirstSeen++);
        parent.addChild(node);
        nodes.put(id, node);
        listener.entryAdded(node.toEntry());
        if (node.isInvalid()) {
            return new AddHeaderResult(AddHeaderResult.Outcome.PARENT_INVALID, id);
        }
        if (TreeNode.BY_HEADER_PREFERENCE.compare(node, bestHeader) > 0) {
            bestHeader = node;
        }
        return new AddHeaderResult(AddHeaderResult.Outcome.ADDED, id);
    }

    /** The body of {@code id} is stored. Ignored for blocks that are invalid, already have data or are {@code FROM_SNAPSHOT}. */
    public void markDataAvailable(Hash256 id) {
        TreeNode node = require(id);
        if (node.isInvalid() || node.status.hasData() || node.status == BlockStatus.FROM_SNAPSHOT) {
            return;
        }
        node.status = BlockStatus.DATA_AVAILABLE;
        listener.statusChanged(id, BlockStatus.DATA_AVAILABLE);
        propagateData(node);
    }

    /**
     * {@code id} was connected successfully (which implies its body is stored).
     *
     * @throws IllegalStateException if the block is known to be invalid
     */
    public void markValid(Hash256 id) {
        TreeNode node = require(id);
        if (node.isInvalid()) {
            throw new IllegalStateException("block " + id + " is " + node.status + " and cannot be valid");
        }
        if (node.status == BlockStatus.FROM_SNAPSHOT) {
            return;  // connected already, through the snapshot
        }
        boolean hadData = node.status.hasData();
        if (node.status != BlockStatus.VALID) {
            node.status = BlockStatus.VALID;
            listener.statusChanged(id, BlockStatus.VALID);
        }
        if (!hadData) {
            propagateData(node);
        }
    }

    /**
     * {@code id} failed validation: it becomes {@link BlockStatus#INVALID} and every known descendant
     * {@link BlockStatus#INVALID_ANCESTOR}; headers added under it later are recorded the same way.
     *
     * @throws IllegalArgumentException if {@code id} is genesis, at or below the snapshot base, or unknown
     */
    public void markInvalid(Hash256 id) {
        markInvalid(id, null);
    }

    /**
     * As {@link #markInvalid(Hash256)}, keeping {@code rejection} (may be null) as the reason
     * {@link #rejection} answers and the listener hears ({@link BlockTreeListener#rejected}).
     */
    public void markInvalid(Hash256 id, BlockRejection rejection) {
        TreeNode node = require(id);
        if (node == genesis) {
            throw new IllegalArgumentException("genesis cannot be invalid");
        }
        if (node.status == BlockStatus.FROM_SNAPSHOT || node == snapshotBase) {
            throw new IllegalArgumentException("block " + id + " is at or below the snapshot base and cannot be invalid");
        }
        node.status = BlockStatus.INVALID;
        node.rejection = rejection;
        node.chainHasData = false;
        listener.statusChanged(id, BlockStatus.INVALID);
        if (rejection != null) {
            listener.rejected(id, rejection);
        }
        Deque<TreeNode> pending = new ArrayDeque<>(node.children());
        while (!pending.isEmpty()) {
            TreeNode descendant = pending.pop();
            if (descendant.isInvalid()) {
                continue; // its whole subtree is already invalid
            }
            descendant.status = BlockStatus.INVALID_ANCESTOR;
            descendant.chainHasData = false;
            listener.statusChanged(descendant.id, BlockStatus.INVALID_ANCESTOR);
            pending.addAll(descendant.children());
        }
        if (bestHeader.isInvalid()) {
            bestHeader = best(n -> !n.isInvalid(), TreeNode.BY_HEADER_PREFERENCE);
        }
        if (bestCandidate.isInvalid()) {
            bestCandidate = best(n -> n.chainHasData, TreeNode.BY_BLOCK_PREFERENCE);
        }
    }

    /** Why {@code id} was marked {@link BlockStatus#INVALID}, when it was and the reason was given. */
    public Optional<BlockRejection> rejection(Hash256 id) {
        TreeNode node = nodes.get(id);
        return node == null || node.status != BlockStatus.INVALID ? Optional.empty() : Optional.ofNullable(node.rejection);
    }

    /**
     * Makes {@code id} the snapshot base: the node's state was loaded from a snapshot taken after it.
     * It and every ancestor but genesis become {@link BlockStatus#FROM_SNAPSHOT} and count as
     * connected (blocks above it whose bodies are stored follow, as after {@link #markDataAvailable});
     * from now on new headers at or below its height are refused. Call once, right after the
     * headers are added, before bodies are marked.
     *
     * @throws IllegalStateException if a base is already set, or the tree holds a block at or below
     *     {@code id}'s height that is not its ancestor (the base must be the only branch up to its height)
     * @throws IllegalArgumentException if {@code id} is unknown or invalid
     */
    public void markSnapshotBase(Hash256 id) {
        TreeNode base = require(id);
        if (snapshotBase != null) {
            throw new IllegalStateException("the snapshot base is already " + snapshotBase.id);
        }
        if (base.isInvalid()) {
            throw new IllegalArgumentException("block " + id + " is " + base.status + " and cannot be the snapshot base");
        }
        long atOrBelow = nodes.values().stream().filter(n -> n.height <= base.height).count();
        if (atOrBelow != base.height + 1) {
            throw new IllegalStateException("the tree holds " + (atOrBelow - base.height - 1)
                    + " blocks at or below the snapshot base that are not its ancestors");
        }
        Deque<TreeNode> path = new ArrayDeque<>();
        for (TreeNode walk = base; walk != genesis; walk = walk.parent) {
            path.push(walk);
        }
        for (TreeNode node : path) {  // genesis first: data order follows height
            node.status = BlockStatus.FROM_SNAPSHOT;
            node.chainHasData = true;
            node.dataSequence = nextDataSequence++;
            listener.statusChanged(node.id, BlockStatus.FROM_SNAPSHOT);
        }
        snapshotBase = base;
        if (TreeNode.BY_BLOCK_PREFERENCE.compare(base, bestCandidate) > 0) {
            bestCandidate = base;
        }
        for (TreeNode child : base.children()) {
            if (child.status.hasData()) {
                propagateData(child);
            }
        }
    }

    /** The snapshot base ({@link #markSnapshotBase}), empty for a tree whose chain starts at genesis. */
    public Optional<BlockIndexEntry> snapshotBase() {
        return Optional.ofNullable(snapshotBase).map(TreeNode::toEntry);
    }

    /** True when the tree has a snapshot base at or above {@code height}: no new block may be added there. */
    public boolean isBelowSnapshotBase(long height) {
        return snapshotBase != null && height <= snapshotBase.height;
    }

    /** True when {@code id} is known and {@link BlockStatus#INVALID} or {@link BlockStatus#INVALID_ANCESTOR}. */
    public boolean isKnownInvalid(Hash256 id) {
        TreeNode node = nodes.get(id);
        return node != null && node.isInvalid();
    }

    public boolean contains(Hash256 id) {
        return nodes.containsKey(id);
    }

    public Optional<BlockIndexEntry> entry(Hash256 id) {
        return Optional.ofNullable(nodes.get(id)).map(TreeNode::toEntry);
    }

    public BlockIndexEntry genesis() {
        return genesis.toEntry();
    }

    /** Number of entries, genesis and invalid ones included. */
    public int size() {
        return nodes.size();
    }

    /**
     * The tip of the most-work branch with no invalid block, bodies or not: what headers-first sync
     * downloads bodies for. Between equal work, the header seen first.
     */
    public BlockIndexEntry bestHeaderTip() {
        return bestHeader.toEntry();
    }

    /**
     * The most-work block whose whole ancestry (itself included) has stored bodies and none invalid:
     * the tip a node should connect to. Between equal work, the branch whose bodies were all stored
     * first, so a connected tip is not left for an equal-work rival whose data arrives later.
     */
    public BlockIndexEntry bestBlockCandidate() {
        return bestCandidate.toEntry();
    }

    /** The blocks to disconnect and connect to move from {@code currentTip} to {@code newTip}. */
    public ReorgPlan planReorg(Hash256 currentTip, Hash256 newTip) {
        return ReorgPlan.between(require(currentTip), require(newTip));
    }

    /**
     * The ancestor of {@code id} at {@code height} ({@code id} itself at its own height), O(log n).
     *
     * @throws IllegalArgumentException if {@code id} is unknown or {@code height} outside [0, its height]
     */
    public BlockIndexEntry ancestor(Hash256 id, long height) {
        return require(id).ancestor(height).toEntry();
    }

    /** True when {@code ancestorId} is {@code id} or one of its ancestors (false when either is unknown). */
    public boolean isOnBranch(Hash256 ancestorId, Hash256 id) {
        TreeNode ancestor = nodes.get(ancestorId);
        TreeNode node = nodes.get(id);
        return ancestor != null && node != null && node.descendsFrom(ancestor);
    }

    /** The branch from genesis to {@code tipId}, for difficulty and time rules. */
    public HeaderChain branch(Hash256 tipId) {
        return new BranchView(require(tipId));
    }

    /**
     * A block locator for {@code tipId}: the tip and its 9 parents, then ancestors at doubling
     * distances, always ending at genesis.
     */
    public List<Hash256> locator(Hash256 tipId) {
        return BlockLocators.locator(require(tipId));
    }

    /** The first id of a peer's {@code locator} that is on the branch ending at {@code ourTip}. */
    public Optional<Hash256> findFork(List<Hash256> locator, Hash256 ourTip) {
        return BlockLocators.findFork(nodes, locator, require(ourTip));
    }

    /**
     * Headers to serve a peer: up to {@code max} (capped at {@link #MAX_HEADERS_PER_MESSAGE}) headers
     * of the branch ending at {@code ourTip}, ascending, starting just above {@code forkId} — or,
     * when {@code forkId} is on another branch, just above where that branch leaves ours.
     */
    public List<BlockHeader> headersAfter(Hash256 forkId, Hash256 ourTip, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        return BlockLocators.headersAfter(require(forkId), require(ourTip), Math.min(max, MAX_HEADERS_PER_MESSAGE));
    }

    private void propagateData(TreeNode from) {
        if (from.parent == null || !from.parent.chainHasData) {
            return;
        }
        Deque<TreeNode> pending = new ArrayDeque<>();
        pending.add(from);
        while (!pending.isEmpty()) {
            TreeNode node = pending.poll();
            node.chainHasData = true;
            node.dataSequence = nextDataSequence++;
            if (TreeNode.BY_BLOCK_PREFERENCE.compare(node, bestCandidate) > 0) {
                bestCandidate = node;
            }
            for (TreeNode child : node.children()) {
                if (child.status.hasData() && !child.chainHasData) {
                    pending.add(child);
                }
            }
        }
    }

    private TreeNode best(Predicate<TreeNode> eligible, Comparator<TreeNode> preference) {
        return nodes.values().stream().filter(eligible).max(preference).orElse(genesis);
    }

    private TreeNode require(Hash256 id) {
        TreeNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("unknown block " + id);
        }
        return node;
    }
}

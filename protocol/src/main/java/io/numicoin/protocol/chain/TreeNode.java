package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.validation.BlockRejection;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One block inside a {@link BlockTree}: the links (parent, skip pointer, children) are fixed at
 * creation; the status fields are changed only by the tree.
 *
 * <p>Ancestor lookup uses Bitcoin Core's deterministic skip list: every node points back to one
 * ancestor at {@link #skipHeight(long)}, chosen so that {@link #ancestor(long)} takes O(log n)
 * steps on a chain of n blocks, and building the pointer costs one such lookup.
 */
final class TreeNode {

    /** Better first: more cumulative work, then the lower tie-break sequence. */
    static final Comparator<TreeNode> BY_HEADER_PREFERENCE = Comparator
            .comparing((TreeNode n) -> n.chainWork)
            .thenComparing(n -> n.firstSeen, Comparator.reverseOrder());

    static final Comparator<TreeNode> BY_BLOCK_PREFERENCE = Comparator
            .comparing((TreeNode n) -> n.chainWork)
            .thenComparing(n -> n.dataSequence, Comparator.reverseOrder());

    final Hash256 id;
    final BlockHeader header;
    final TreeNode parent;
    final TreeNode skip;
    final long height;
    final BigInteger chainWork;
    final long firstSeen;

    BlockStatus status;
    /** Why this block was marked {@link BlockStatus#INVALID}, when the caller said (null otherwise). */
    BlockRejection rejection;
    /** This block and every ancestor have their bodies stored (and none is invalid when set). */
    boolean chainHasData;
    /** Order in which {@link #chainHasData} became true; ties between full chains go to the lower. */
    long dataSequence = Long.MAX_VALUE;
    private List<TreeNode> children = List.of();

    TreeNode(Hash256 id, BlockHeader header, TreeNode parent, BlockStatus status, long firstSeen) {
        this.id = id;
        this.header = header;
        this.parent = parent;
        this.height = header.height();
        this.skip = parent == null ? null : parent.ancestor(skipHeight(height));
        BigInteger work = header.target().work();
        this.chainWork = parent == null ? work : parent.chainWork.add(work);
        this.status = status;
        this.firstSeen = firstSeen;
    }

    void addChild(TreeNode child) {
        if (children.isEmpty()) {
            children = new ArrayList<>(1);
        }
        children.add(child);
    }

    List<TreeNode> children() {
        return children;
    }

    boolean isInvalid() {
        return status.isInvalid();
    }

    /** The ancestor at {@code targetHeight} (this node at its own height); O(log n). */
    TreeNode ancestor(long targetHeight) {
        if (targetHeight < 0 || targetHeight > height) {
            throw new IllegalArgumentException("height " + targetHeight + " outside [0, " + height + "]");
        }
        TreeNode walk = this;
        long walkHeight = height;
        while (walkHeight > targetHeight) {
            long skipAt = skipHeight(walkHeight);
            long skipAtPrevious = skipHeight(walkHeight - 1);
            boolean takeSkip = walk.skip != null
                    && (skipAt == targetHeight
                        || (skipAt > targetHeight
                            && !(skipAtPrevious < skipAt - 2 && skipAtPrevious >= targetHeight)));
            if (takeSkip) {
                walk = walk.skip;
                walkHeight = skipAt;
            } else {
                walk = walk.parent;
                walkHeight--;
            }
        }
        return walk;
    }

    /** True when {@code other} is this node or one of its ancestors. */
    boolean descendsFrom(TreeNode other) {
        return other.height <= height && ancestor(other.height) == other;
    }

    /** The deepest node that both {@code a} and {@code b} descend from; O(log n + fork depth). */
    static TreeNode lastCommonAncestor(TreeNode a, TreeNode b) {
        if (a.height > b.height) {
            a = a.ancestor(b.height);
        } else if (b.height > a.height) {
            b = b.ancestor(a.height);
        }
        while (a != b) {
            a = a.parent;
            b = b.parent;
        }
        return a;
    }

    /** Bitcoin Core's {@code GetSkipHeight}: which ancestor a node at {@code h} skips to. */
    static long skipHeight(long h) {
        if (h < 2) {
            return 0;
        }
        return (h & 1) != 0 ? clearLowestOne(clearLowestOne(h - 1)) + 1 : clearLowestOne(h);
    }

    private static long clearLowestOne(long n) {
        return n & (n - 1);
    }

    BlockIndexEntry toEntry() {
        Hash256 parentId = parent == null ? header.previousId() : parent.id;
        return new BlockIndexEntry(id, header, parentId, height, chainWork, status, firstSeen);
    }
}

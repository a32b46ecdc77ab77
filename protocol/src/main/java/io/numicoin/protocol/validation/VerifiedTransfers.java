package io.numicoin.protocol.validation;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.hash.RecentHashes;
import java.util.concurrent.atomic.LongAdder;

/**
 * Transfers that passed {@link TransactionRules} on their own (from the API or a peer), by merkle
 * leaf, at most {@code capacity}; the oldest is forgotten first. A block's transfer found here skips
 * its stateless rules, signatures included, as Bitcoin Core's signature cache does: on a live
 * network a block's transfers arrive by gossip before the block, so a relayed block is not verified
 * twice on every node it crosses.
 *
 * <p>Why a hit is the verdict checking again would give: the leaf is BLAKE3 of the transfer's whole
 * encoding (chain id, policy, amount, signatures: every byte the rules read), the rules' other input
 * is their own chain id (so one instance serves rules of one chain only), and only valid verdicts are
 * remembered. Two encodings with one leaf would
 * be a BLAKE3 collision, which the block's merkle commitment already rules out. The txid alone
 * would not do: it leaves the signatures out, so the same transfer with a broken signature shares it.
 *
 * <p>Entries are not dropped when a block uses them: a block proposal and the block's import both
 * read them, and a transfer back from a reorganisation finds its entry still there. Thread-safe.
 */
public final class VerifiedTransfers {

    private static final VerifiedTransfers NONE = new VerifiedTransfers(0);

    private final RecentHashes leaves;  // null when nothing is remembered
    private final LongAdder hits = new LongAdder();

    /** @param capacity transfers remembered at most; 0 remembers none */
    public VerifiedTransfers(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.leaves = capacity == 0 ? null : new RecentHashes(capacity);
    }

    /** Remembers nothing: every transfer is checked. */
    public static VerifiedTransfers none() {
        return NONE;
    }

    /** False when nothing is remembered ({@code capacity} 0): callers need not compute leaves. */
    public boolean enabled() {
        return leaves != null;
    }

    /** Records that the transfer whose merkle leaf is {@code leaf} passed the stateless rules. */
    public void remember(Hash256 leaf) {
        if (leaves != null) {
            leaves.add(leaf);
        }
    }

    /** True when the transfer whose merkle leaf is {@code leaf} passed the stateless rules here (counted as a hit). */
    public boolean passed(Hash256 leaf) {
        boolean known = leaves != null && leaves.contains(leaf);
        if (known) {
            hits.increment();
        }
        return known;
    }

    /** Lookups {@link #passed} answered yes. */
    public long hits() {
        return hits.sum();
    }

    public int size() {
        return leaves == null ? 0 : leaves.size();
    }

    public int capacity() {
        return leaves == null ? 0 : leaves.capacity();
    }
}

package io.numicoin.node.chain;

import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.chain.BlockIndexEntry;
import io.numicoin.protocol.chain.BlockTree;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The chain's status and active branch as of the last durable import, for readers that do not take
 * the import lock. A snapshot is {@link #take taken} under the lock right after an import and
 * {@link #publish published} once what it names has committed; snapshots are numbered as taken, so
 * one published late (its commit deferred) never replaces a newer one.
 */
final class PublishedTips {

    /** A status with the active chain it describes; {@code number} orders them as they were taken. */
    record Tip(long number, ChainStatus status, HeaderChain branch) {
    }

    private final NetworkParams params;
    private final AtomicReference<Tip> published = new AtomicReference<>();
    private long taken;  // under the import lock

    PublishedTips(NetworkParams params) {
        this.params = params;
    }

    /** The status and active branch as {@code tree} stands with {@code tipId} its active tip (call under the import lock). */
    Tip take(BlockTree tree, Hash256 tipId) {
        BlockIndexEntry tip = tree.entry(tipId).orElseThrow();
        boolean behind = tree.bestHeaderTip().cumulativeWork().compareTo(tip.cumulativeWork()) > 0;
        HeaderChain branch = tree.branch(tip.id());
        ChainStatus status = new ChainStatus(tip.id(), tip.height(), tip.cumulativeWork(), tip.header().timestamp(),
                params.difficulty().algorithm().nextTarget(branch),
                behind ? ChainStatus.SyncState.SYNCING : ChainStatus.SyncState.SYNCED);
        return new Tip(++taken, status, branch);
    }

    /** Publishes {@code tip}, unless one taken later is out already. */
    void publish(Tip tip) {
        published.accumulateAndGet(tip, (current, next) -> current == null || next.number() > current.number() ? next : current);
    }

    /** The latest published snapshot (one is published when the service starts). */
    Tip current() {
        return published.get();
    }
}

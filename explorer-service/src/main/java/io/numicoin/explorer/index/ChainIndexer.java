package io.numicoin.explorer.index;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.BlockDisconnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.explorer.store.ChainCursor;
import io.numicoin.explorer.store.PostgresExplorerStore;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.support.node.NodeApiClient;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the read model on the node's chain, by the consumer rules of docs/events.md (rule 3):
 * an event that is next in sequence and links to the read model's tip is applied (a disconnect
 * exactly undone). Any other event is a duplicate, skipped (the sequence cursor moved forward to
 * it), when its effect is already in the read model (its connected block active, its disconnected
 * block not active), whatever its sequence; when the chain's work after it is below the read
 * model's tip work (the node only ever moves to more work, and a reorganisation is one
 * transaction whose last event ends above the old tip: an event below the tip's work is from
 * before the state the read model holds); or when it was applied here as it is (same sequence,
 * kind and block: a relay's replay). Anything else (a gap, a sequence reset, a failed-over
 * source, an undecodable record) resyncs from the node's API ({@link #resync}): walk back to the
 * newest block the node has on its active chain, disconnect the read model's blocks above it,
 * connect the node's blocks up to its tip. With an empty read model the resync is the backfill
 * from genesis. So a replay of the whole topic after a backfill costs no resync. One writer at a
 * time (the methods are synchronized).
 */
public final class ChainIndexer {

    private static final Logger log = LoggerFactory.getLogger(ChainIndexer.class);

    /** What {@link #apply} did with an event. */
    public enum Outcome { APPLIED, DUPLICATE, RESYNCED }

    private final PostgresExplorerStore store;
    private final NodeApiClient node;
    private final int chainId;
    private final Clock clock;
    private final AtomicLong nodeHeight = new AtomicLong(-1);
    private final AtomicLong ownHeight = new AtomicLong(-1);
    private final AtomicLong resyncs = new AtomicLong();
    private volatile boolean resyncNext;

    public ChainIndexer(PostgresExplorerStore store, NodeApiClient node, int chainId, Clock clock) {
        this.store = store;
        this.node = node;
        this.chainId = chainId;
        this.clock = clock;
        store.cursor().ifPresent(c -> ownHeight.set(c.tipHeight()));
    }

    public synchronized Outcome apply(ChainEvent event) {
        if (event.meta().chainId() != chainId) {
            throw new IllegalStateException(String.format(
                    "chain event of chain 0x%08x, this explorer follows 0x%08x: misconfiguration", event.meta().chainId(), chainId));
        }
        nodeHeight.accumulateAndGet(event.tipHeightAfter(), Math::max);
        long sequence = event.meta().sequence();
        Optional<ChainCursor> cursor = store.cursor();
        if (cursor.isPresent() && !resyncNext) {
            ChainCursor c = cursor.get();
            boolean next = !c.sequenceKnown() || sequence == c.sequence() + 1;
            if (next && links(event, c)) {
                switch (event) {
                    case BlockConnected connected -> store.connect(connected.block(), connected.cumulativeWork(), sequence);
                    case BlockDisconnected disconnected -> store.disconnect(disconnected.block(),
                            disconnected.cumulativeWorkAfter(), sequence, clock.millis());
                }
                ownHeight.set(event.tipHeightAfter());
                return Outcome.APPLIED;
            }
            if (duplicate(event, c)) {
                if (sequence > c.sequence()) {
                    store.saveSequence(sequence);
                }
                return Outcome.DUPLICATE;
            }
            log.info("chain event {} at {} (sequence {}) does not follow tip {} at {} (sequence {}): resync",
                    event.blockId(), event.height(), sequence, c.tipId(), c.tipHeight(), c.sequence());
        }
        resync();
        store.saveSequence(sequence);
        return Outcome.RESYNCED;
    }

    /** The next event is not to be trusted to link (a chain record did not decode): resync on it. */
    public void resyncOnNextEvent() {
        resyncNext = true;
    }

    /**
     * Brings the read model to the node's active chain through its API. The cursor's sequence is
     * unknown afterwards until the caller stores the event's. Safe to repeat and to interrupt: each
     * block is its own transaction.
     */
    public synchronized void resync() {
        resyncs.incrementAndGet();
        while (!resyncOnce()) {
            log.info("the node's chain moved during the resync: again");
        }
        resyncNext = false;
    }

    private boolean resyncOnce() {
        long nodeTip = node.chain().height();
        nodeHeight.set(nodeTip);
        Optional<ChainCursor> start = store.cursor();
        if (start.isEmpty()) {
            Block genesis = node.blockAt(0).orElseThrow(() -> new IllegalStateException("the node has no genesis block"));
            store.connect(genesis, genesis.header().target().work(), ChainCursor.UNKNOWN_SEQUENCE);
            start = store.cursor();
            ownHeight.set(0);  // a node still at genesis: caught up (lag 0, ready) with nothing more to connect
        }
        ChainCursor c = start.orElseThrow();
        long fork = Math.min(c.tipHeight(), nodeTip);
        while (fork > 0 && !sameBlock(fork)) {
            fork--;
        }
        BigInteger work = c.tipWork();
        for (long h = c.tipHeight(); h > fork; h--) {
            Block own = store.activeBlockAt(h).orElseThrow();
            work = work.subtract(own.header().target().work());
            store.disconnect(own, work, ChainCursor.UNKNOWN_SEQUENCE, clock.millis());
            ownHeight.set(h - 1);
        }
        Hash256 tip = store.activeIdAt(fork).orElseThrow();
        long connected = 0;
        for (long h = fork + 1; ; h++) {
            Optional<Block> next = node.blockAt(h);
            if (next.isEmpty()) {
                break;
            }
            Block block = next.get();
            if (!block.header().previousId().equals(tip)) {
                return false;
            }
            work = work.add(block.header().target().work());
            store.connect(block, work, ChainCursor.UNKNOWN_SEQUENCE);
            tip = BlockHeaderCodec.id(block.header());
            ownHeight.set(h);
            nodeHeight.accumulateAndGet(h, Math::max);
            connected++;
        }
        log.info("resynced from the node: fork point {}, {} blocks disconnected, {} connected, tip {}",
                fork, c.tipHeight() - fork, connected, ownHeight.get());
        return true;
    }

    private boolean sameBlock(long height) {
        Optional<Hash256> own = store.activeIdAt(height);
        Optional<Block> theirs = node.blockAt(height);
        return own.isPresent() && theirs.isPresent() && own.get().equals(BlockHeaderCodec.id(theirs.get().header()));
    }

    private static boolean links(ChainEvent event, ChainCursor c) {
        return switch (event) {
            case BlockConnected connected -> connected.block().header().previousId().equals(c.tipId());
            case BlockDisconnected disconnected -> disconnected.blockId().equals(c.tipId());
        };
    }

    private boolean duplicate(ChainEvent event, ChainCursor c) {
        long sequence = event.meta().sequence();
        return event.tipWorkAfter().compareTo(c.tipWork()) < 0
                || reflected(event)
                || ((!c.sequenceKnown() || sequence <= c.sequence())
                        && store.applied(sequence, event.blockId(), event instanceof BlockConnected));
    }

    private boolean reflected(ChainEvent event) {
        return switch (event) {
            case BlockConnected connected -> store.isActive(connected.blockId());
            case BlockDisconnected disconnected -> !store.isActive(disconnected.blockId());
        };
    }

    /** Polls the node's tip for the lag (failures leave the last known height). */
    public void refreshNodeHeight() {
        nodeHeight.set(node.chain().height());
    }

    /** Blocks the read model is behind the node (-1 while either height is unknown). */
    public long lag() {
        long theirs = nodeHeight.get();
        long ours = ownHeight.get();
        return theirs < 0 || ours < 0 ? -1 : Math.max(0, theirs - ours);
    }

    /** Resyncs from the node's API so far (the initial backfill included): meter {@code explorer.index.resyncs}. */
    public long resyncs() {
        return resyncs.get();
    }

    public long height() {
        return ownHeight.get();
    }
}

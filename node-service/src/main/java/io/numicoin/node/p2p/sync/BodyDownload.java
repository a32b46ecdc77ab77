package io.numicoin.node.p2p.sync;

import io.numicoin.network.sync.SyncCodec;
import io.numicoin.network.NetworkProtocols;
import io.numicoin.node.p2p.hooks.PeerActivity;
import io.numicoin.node.p2p.hooks.PeerPenalty;
import io.numicoin.node.p2p.hooks.PeerPenalty.Reason;
import io.numicoin.node.p2p.hooks.PeerPenalty.Severity;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body half of headers-first sync: asks peers for the bodies the {@link ChainView} wants, a
 * bounded number in flight per peer (the least busy peer that can have the block first), hands
 * each answer to {@link LocalChain#submitRequestedBlock} (checked ahead, imported in arrival order)
 * and cancels requests that stall. Runs on the sync thread, like {@link ChainSync} that owns it.
 *
 * <p>A block is asked for once: never while a request for it is out ({@code inFlight}), nor while
 * its body waits for or is in its import ({@code importing}), nor after its import completed until
 * a view read after that completion has come back ({@code imported}) — the view may be older than
 * an import; it may also be newer than an import's completion (the tree holds a block while its
 * commit runs), but the block is still {@code importing} then. A block whose import failed (the chain service threw) is
 * logged and asked for again when a fresh view still wants it; an invalid one costs its peer.
 */
final class BodyDownload {

    private static final Logger log = LoggerFactory.getLogger(BodyDownload.class);

    /** What the download needs of the sync loop that owns it. */
    interface Owner {

        /** An import completed (whatever its result): the view is out of date. */
        void importCompleted();

        void punish(PeerId peer, Reason reason, Severity severity, String detail);
    }

    private record BlockRequest(PeerId peer, long deadlineNanos) {
    }

    private final Host host;
    private final NetworkProtocols protocols;
    private final LocalChain chain;
    private final PeerPenalty penalty;
    private final PeerActivity activity;
    private final SyncSettings settings;
    private final Executor loop;
    private final Map<PeerId, PeerSyncState> peers;
    private final Owner owner;
    private final Map<Hash256, BlockRequest> inFlight = new HashMap<>();
    /** Bodies handed to the chain whose import has not completed. */
    private final Set<Hash256> importing = new HashSet<>();
    /** Bodies whose import completed after the last view read began, with the order they completed in. */
    private final Map<Hash256, Long> imported = new HashMap<>();
    private long completedImports;
    private ChainView view;
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong alreadyKnown = new AtomicLong();

    BodyDownload(Host host, NetworkProtocols protocols, LocalChain chain, PeerPenalty penalty, PeerActivity activity,
            SyncSettings settings, Executor loop, Map<PeerId, PeerSyncState> peers, Owner owner) {
        this.host = host;
        this.protocols = protocols;
        this.chain = chain;
        this.penalty = penalty;
        this.activity = activity;
        this.settings = settings;
        this.loop = loop;
        this.peers = peers;
        this.owner = owner;
    }

    /** Marks the start of a view read: pass the mark to {@link #viewRead} with the view it returns. */
    long viewMark() {
        return completedImports;
    }

    /** A view read that began at {@code mark}: it shows every import completed before the mark. */
    void viewRead(ChainView fresh, long mark) {
        view = fresh;
        imported.values().removeIf(order -> order < mark);
    }

    boolean hasView() {
        return view != null;
    }

    int inFlight() {
        return inFlight.size();
    }

    /** Block requests sent so far. */
    long requested() {
        return requested.get();
    }

    /** Requested bodies the chain already had when their turn came (asked for twice, or gossiped meanwhile). */
    long alreadyKnown() {
        return alreadyKnown.get();
    }

    /** Forgets the requests out to {@code peer} (disconnected or banned); their blocks are asked elsewhere. */
    void forget(PeerId peer) {
        inFlight.values().removeIf(request -> request.peer().equals(peer));
    }

    /** Asks for every wanted block not already on its way, while peers have room. */
    void requestBlocks(long now) {
        if (view == null) {
            return;
        }
        for (ChainView.WantedBlock wanted : view.wanted()) {
            Hash256 id = wanted.id();
            if (inFlight.containsKey(id) || importing.contains(id) || imported.containsKey(id)) {
                continue;
            }
            PeerSyncState best = null;
            for (PeerSyncState state : peers.values()) {
                if (state.blocksInFlight < settings.blocksInFlightPerPeer()
                        && state.claimedWork().compareTo(wanted.cumulativeWork()) >= 0
                        && state.mayAsk(id, now)
                        && (best == null || state.blocksInFlight < best.blocksInFlight)) {
                    best = state;
                }
            }
            if (best != null) {
                requestBlock(best, id, now);
            }
        }
    }

    /** Cancels requests past their deadline (their peers are asked again later, after the others). */
    void expireStalled(long now) {
        for (PeerSyncState state : peers.values()) {
            state.retryAfterNanos.values().removeIf(retry -> now - retry >= 0);
        }
        inFlight.entrySet().removeIf(entry -> {
            if (now - entry.getValue().deadlineNanos() < 0) {
                return false;
            }
            PeerSyncState state = peers.get(entry.getValue().peer());
            if (state != null) {
                state.retryAfterNanos.put(entry.getKey(), now + settings.stallTimeout().toNanos());
                penalty.penalise(state.peer, Reason.STALLED, Severity.MINOR, "block " + entry.getKey());
            }
            return true;
        });
    }

    private void requestBlock(PeerSyncState state, Hash256 id, long now) {
        state.blocksInFlight++;
        requested.incrementAndGet();
        BlockRequest request = new BlockRequest(state.peer, now + settings.stallTimeout().toNanos());
        inFlight.put(id, request);
        RequestResponse.request(host, state.peer, protocols.blocks(), SyncCodec.encodeBlockRequest(id))
                .whenCompleteAsync((bytes, failure) -> {
                    state.blocksInFlight--;
                    if (inFlight.get(id) != request) {
                        return;  // cancelled (stalled, or the peer was dropped): asked again elsewhere
                    }
                    inFlight.remove(id);
                    if (failure != null) {
                        // a timeout or reset: ask another peer first, this one again later
                        state.retryAfterNanos.put(id, System.nanoTime() + settings.stallTimeout().toNanos());
                    } else {
                        blockReceived(state, id, bytes);
                    }
                    if (peers.containsKey(state.peer)) {
                        requestBlocks(System.nanoTime());
                    }
                }, loop);
    }

    private void blockReceived(PeerSyncState state, Hash256 id, byte[] bytes) {
        if (bytes.length == 0) {
            state.missing.add(id);
            return;
        }
        Block block;
        try {
            block = BlockCodec.decode(bytes);
        } catch (DecodeException e) {
            owner.punish(state.peer, Reason.MALFORMED_MESSAGE, Severity.FATAL, "block: " + e.getMessage());
            return;
        }
        if (!BlockHeaderCodec.id(block.header()).equals(id)) {
            owner.punish(state.peer, Reason.UNREQUESTED_DATA, Severity.FATAL, "asked for " + id);
            return;
        }
        importing.add(id);
        chain.submitRequestedBlock(block).whenCompleteAsync((result, failure) -> {
            importing.remove(id);
            if (failure != null) {
                // not stored: a fresh view still wants it, and it is asked for again
                log.warn("block {} from {} could not be imported: {}", id, state.peer, failure.toString());
            } else {
                imported.put(id, completedImports++);
                switch (result.outcome()) {
                    case INVALID -> owner.punish(state.peer, Reason.INVALID_BLOCK, Severity.FATAL,
                            id + ": " + result.rejection().orElseThrow());
                    case ALREADY_KNOWN -> alreadyKnown.incrementAndGet();
                    default -> activity.usefulBlock(state.peer);
                }
            }
            owner.importCompleted();
        }, loop);
    }
}

package io.numicoin.node.p2p.sync;

import io.numicoin.node.p2p.NetworkProtocols;
import io.numicoin.node.p2p.P2pProperties;
import io.numicoin.node.p2p.PeerActivity;
import io.numicoin.node.p2p.PeerPenalty;
import io.numicoin.node.p2p.PeerPenalty.Reason;
import io.numicoin.node.p2p.PeerPenalty.Severity;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headers-first sync. Every peer's status is exchanged on connect and refreshed periodically; a
 * peer whose claimed work exceeds our best header chain (and the network's minimum chain work) is
 * asked for headers after our locator, one batch at a time; each batch must link up and carry valid
 * proofs of work (checked in parallel) before it is imported. Bodies of the best header chain are
 * then fetched from every peer that can have them, a bounded number in flight per peer; a request
 * that stalls is cancelled and asked elsewhere. A peer that claims work it cannot show headers for,
 * or sends anything invalid, is penalised. Block requests are topped up as soon as an answer
 * arrives (and on every tick), and the view of missing bodies is refreshed as soon as an import
 * completes, so the import thread never waits for the next tick. Heights peers report and the
 * blocks they give us are told to {@link PeerActivity}. All state lives on one thread.
 */
public final class ChainSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChainSync.class);
    private static final long STATUS_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Orphans ask for a peer's status at most this often (a burst of orphans is one request; peers rate-limit status). */
    private static final long STATUS_MIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record BlockRequest(PeerId peer, long deadlineNanos) {
    }

    private final Host host;
    private final NetworkProtocols protocols;
    private final LocalChain chain;
    private final HeaderBatchImporter headerImporter;
    private final PeerPenalty penalty;
    private final AtomicLong unfollowableChains = new AtomicLong();
    private final PeerActivity activity;
    private final P2pProperties.Sync settings;
    private final BigInteger minimumWork;
    private final ScheduledExecutorService loop;
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<PeerId, PeerSyncState> peers = new HashMap<>();
    private final Map<Hash256, BlockRequest> inFlight = new HashMap<>();
    /** Blocks received since the view was read, with the order they came in. */
    private final Map<Hash256, Long> received = new HashMap<>();
    private long receivedCount;
    private ChainView view;
    private boolean viewPending;
    private boolean viewDirty = true;

    public ChainSync(Host host, NetworkProtocols protocols, LocalChain chain, HeaderPowVerifier pow, PeerPenalty penalty,
            P2pProperties.Sync settings, BigInteger minimumWork) {
        this(host, protocols, chain, pow, penalty, PeerActivity.NONE, settings, minimumWork);
    }

    public ChainSync(Host host, NetworkProtocols protocols, LocalChain chain, HeaderPowVerifier pow, PeerPenalty penalty,
            PeerActivity activity, P2pProperties.Sync settings, BigInteger minimumWork) {
        this.activity = activity;
        this.host = host;
        this.protocols = protocols;
        this.chain = chain;
        this.headerImporter = new HeaderBatchImporter(chain, pow, blocking);
        this.penalty = penalty;
        this.settings = settings;
        this.minimumWork = minimumWork;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "numi-sync");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        long tick = settings.tick().toMillis();
        loop.scheduleWithFixedDelay(this::tickSafely, 0, tick, TimeUnit.MILLISECONDS);
    }

    public void peerConnected(PeerId peer) {
        run(() -> {
            peers.computeIfAbsent(peer, PeerSyncState::new);
            requestStatus(peers.get(peer));
        });
    }

    public void peerDisconnected(PeerId peer) {
        run(() -> {
            if (host.connection(peer).isPresent()) {
                return;
            }
            peers.remove(peer);
            inFlight.values().removeIf(request -> request.peer().equals(peer));
        });
    }

    /** A status a peer sent us (in its status request). */
    public void statusReceived(PeerId peer, ChainStatusMessage status) {
        run(() -> acceptStatus(peer, status));
    }

    /**
     * Asks {@code peer} for its status soon (it announced a block we could not place): at the next
     * tick, but not within a second of the last status request to it.
     */
    public void refreshPeer(PeerId peer) {
        run(() -> {
            PeerSyncState state = peers.get(peer);
            if (state != null) {
                long soonest = state.lastStatusRequestNanos + STATUS_MIN_INTERVAL_NANOS;
                if (soonest - state.nextStatusNanos < 0) {
                    state.nextStatusNanos = soonest;
                }
            }
        });
    }

    /** The chain changed outside sync (a gossiped or submitted block): look again. */
    public void chainChanged() {
        run(() -> viewDirty = true);
    }

    /** Blocks requested and not yet answered (for tests and metrics). */
    /** How many peers' chains were found to fork below this node's snapshot base (and are not followed). */
    public long unfollowableChains() {
        return unfollowableChains.get();
    }

    public CompletableFuture<Integer> blocksInFlight() {
        return CompletableFuture.supplyAsync(inFlight::size, loop);
    }

    /** Runs {@code task} on the sync thread; dropped once sync has stopped. */
    private void run(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("sync stopped; dropped an event");
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("sync tick failed", e);
        }
    }

    private void tick() {
        if (viewDirty && !viewPending) {
            refreshView();
        }
        long now = System.nanoTime();
        for (PeerSyncState state : peers.values()) {
            if (!state.statusInFlight && now - state.nextStatusNanos >= 0) {
                requestStatus(state);
            }
        }
        expireStalled(now);
        if (view == null) {
            return;
        }
        requestHeaders();
        requestBlocks(now);
    }

    private void refreshView() {
        viewPending = true;
        viewDirty = false;
        // The view is read behind the imports queued so far: blocks received later are not in it yet.
        long mark = receivedCount;
        chain.view(settings.blockWindow()).whenCompleteAsync((fresh, failure) -> {
            viewPending = false;
            if (failure != null) {
                log.debug("could not read the chain view: {}", failure.toString());
                viewDirty = true;
                return;
            }
            view = fresh;
            received.values().removeIf(order -> order < mark);
            requestBlocks(System.nanoTime());
        }, loop);
    }

    private void requestStatus(PeerSyncState state) {
        state.statusInFlight = true;
        state.lastStatusRequestNanos = System.nanoTime();
        state.nextStatusNanos = state.lastStatusRequestNanos + STATUS_REFRESH_NANOS;
        byte[] ours;
        try {
            ours = SyncCodec.encodeStatus(chain.status());
        } catch (RuntimeException e) {
            state.statusInFlight = false;
            return;
        }
        RequestResponse.request(host, state.peer, protocols.status(), ours).whenCompleteAsync((bytes, failure) -> {
            state.statusInFlight = false;
            if (failure != null) {
                log.debug("status request to {} failed: {}", state.peer, failure.toString());
                return;
            }
            try {
                acceptStatus(state.peer, SyncCodec.decodeStatus(bytes));
            } catch (DecodeException e) {
                punish(state.peer, Reason.MALFORMED_MESSAGE, Severity.FATAL, "status: " + e.getMessage());
            }
        }, loop);
    }

    private void acceptStatus(PeerId peer, ChainStatusMessage status) {
        if (!status.genesisId().equals(chain.genesisId())) {
            punish(peer, Reason.WRONG_GENESIS, Severity.FATAL, "genesis " + status.genesisId());
            return;
        }
        activity.reportedHeight(peer, status.tipHeight());
        PeerSyncState state = peers.computeIfAbsent(peer, PeerSyncState::new);
        if (state.status == null || !status.tipId().equals(state.status.tipId())) {
            state.missing.clear();
            state.retryAfterNanos.clear();
        }
        state.status = status;
    }

    /** One headers request at a time, to the peer claiming the most work above ours. */
    private void requestHeaders() {
        if (peers.values().stream().anyMatch(p -> p.headersInFlight)) {
            return;
        }
        BigInteger ours = view.bestHeaderWork().max(minimumWork.subtract(BigInteger.ONE));
        peers.values().stream()
                .filter(p -> !p.unfollowable && p.claimedWork().compareTo(ours) > 0)
                .max(Comparator.comparing(PeerSyncState::claimedWork))
                .ifPresent(this::requestHeaders);
    }

    private void requestHeaders(PeerSyncState state) {
        state.headersInFlight = true;
        int max = settings.headersPerRequest();
        // What the peer claimed before we asked: its answer must reach at least that much work.
        BigInteger claimed = state.claimedWork();
        byte[] request = SyncCodec.encodeHeadersRequest(new SyncCodec.HeadersRequest(view.locator(), max));
        RequestResponse.request(host, state.peer, protocols.headers(), request)
                .thenCompose(bytes -> headerImporter.importBatch(bytes, max))
                .whenCompleteAsync((outcome, failure) -> {
                    state.headersInFlight = false;
                    if (failure != null) {
                        log.debug("headers from {} failed: {}", state.peer, failure.toString());
                        return;
                    }
                    switch (outcome) {
                        case HeaderBatchImporter.Imported imported -> afterHeaders(state, imported.count(), max, claimed);
                        case HeaderBatchImporter.Refused refused -> punish(state.peer, refused.reason(), Severity.FATAL, refused.detail());
                        case HeaderBatchImporter.Unfollowable unfollowable -> {
                            state.unfollowable = true;
                            unfollowableChains.incrementAndGet();
                            log.info("peer {}: its chain forks below this node's snapshot base, not followed (no penalty): {}",
                                    state.peer, unfollowable.detail());
                        }
                    }
                }, loop);
    }

    /** A short batch ends the peer's chain: by then our best header must carry the work it claimed. */
    private void afterHeaders(PeerSyncState state, int count, int max, BigInteger claimed) {
        viewDirty = true;
        if (count >= max) {
            return;
        }
        viewPending = true;
        viewDirty = false;
        long mark = receivedCount;
        chain.view(settings.blockWindow()).whenCompleteAsync((fresh, failure) -> {
            viewPending = false;
            if (failure != null) {
                viewDirty = true;
                return;
            }
            view = fresh;
            received.values().removeIf(order -> order < mark);
            if (claimed.compareTo(fresh.bestHeaderWork()) > 0 && peers.containsKey(state.peer)) {
                punish(state.peer, Reason.FALSE_TIP_CLAIM, Severity.FATAL,
                        "claimed work " + claimed + " but its headers end at " + fresh.bestHeaderWork());
            }
        }, loop);
    }

    private void requestBlocks(long now) {
        for (ChainView.WantedBlock wanted : view.wanted()) {
            if (inFlight.containsKey(wanted.id()) || received.containsKey(wanted.id())) {
                continue;
            }
            PeerSyncState best = null;
            for (PeerSyncState state : peers.values()) {
                if (state.blocksInFlight < settings.blocksInFlightPerPeer()
                        && state.claimedWork().compareTo(wanted.cumulativeWork()) >= 0
                        && state.mayAsk(wanted.id(), now)
                        && (best == null || state.blocksInFlight < best.blocksInFlight)) {
                    best = state;
                }
            }
            if (best == null) {
                continue;
            }
            requestBlock(best, wanted.id(), now);
        }
    }

    private void requestBlock(PeerSyncState state, Hash256 id, long now) {
        state.blocksInFlight++;
        BlockRequest request = new BlockRequest(state.peer, now + settings.stallTimeout().toNanos());
        inFlight.put(id, request);
        RequestResponse.request(host, state.peer, protocols.blocks(), SyncCodec.encodeBlockRequest(id))
                .whenCompleteAsync((bytes, failure) -> {
                    state.blocksInFlight--;
                    if (inFlight.get(id) != request) {
                        return;
                    }
                    inFlight.remove(id);
                    if (failure != null) {
                        // a timeout or reset: ask another peer first, this one again later
                        state.retryAfterNanos.put(id, System.nanoTime() + settings.stallTimeout().toNanos());
                    } else {
                        blockReceived(state, id, bytes);
                    }
                    if (view != null && peers.containsKey(state.peer)) {
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
            punish(state.peer, Reason.MALFORMED_MESSAGE, Severity.FATAL, "block: " + e.getMessage());
            return;
        }
        if (!BlockHeaderCodec.id(block.header()).equals(id)) {
            punish(state.peer, Reason.UNREQUESTED_DATA, Severity.FATAL, "asked for " + id);
            return;
        }
        received.put(id, receivedCount++);
        chain.submitBlock(block).whenCompleteAsync((result, failure) -> {
            viewDirty = true;
            if (failure != null) {
                log.warn("block {} from {} could not be imported: {}", id, state.peer, failure.toString());
            } else if (result.outcome() == BlockImportResult.Outcome.INVALID) {
                punish(state.peer, Reason.INVALID_BLOCK, Severity.FATAL, id + ": " + result.rejection().orElseThrow());
            } else if (result.outcome() != BlockImportResult.Outcome.ALREADY_KNOWN) {
                activity.usefulBlock(state.peer);
            }
            if (!viewPending) {
                refreshView();
            }
        }, loop);
    }

    private void expireStalled(long now) {
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

    private void punish(PeerId peer, Reason reason, Severity severity, String detail) {
        log.info("peer {} penalised ({}, {}): {}", peer, reason, severity, detail);
        penalty.penalise(peer, reason, severity, detail);
        if (severity == Severity.FATAL) {
            peers.remove(peer);
            inFlight.values().removeIf(request -> request.peer().equals(peer));
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        blocking.shutdownNow();
    }
}

package io.numicoin.node.p2p.sync;

import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.network.sync.SyncCodec;
import io.numicoin.network.NetworkProtocols;
import io.numicoin.node.p2p.hooks.PeerActivity;
import io.numicoin.node.p2p.hooks.PeerPenalty;
import io.numicoin.node.p2p.hooks.PeerPenalty.Reason;
import io.numicoin.node.p2p.hooks.PeerPenalty.Severity;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
 * asked for headers after our locator, one batch at a time; each batch must answer the request and
 * pass the cheap header rules before its proofs of work are verified (in parallel, against the
 * expected targets), and a chain below the work threshold is presynced — held, not stored — until
 * it shows enough work ({@link HeaderBatchImporter}). Bodies of the best header chain are
 * then fetched by {@link BodyDownload} from every peer that can have them (checked ahead, imported
 * in arrival order). A peer that claims work it cannot show headers for, or sends anything
 * invalid, is penalised. Block requests are topped up as soon as an answer arrives (and on every
 * tick), and the view of missing bodies is refreshed as soon as an import completes, so the import
 * thread never waits for the next tick. Heights peers report and the blocks they give us are told
 * to {@link PeerActivity}. All state lives on one thread.
 */
public final class ChainSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChainSync.class);
    private static final long STATUS_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Orphans ask for a peer's status at most this often (a burst of orphans is one request; peers rate-limit status). */
    private static final long STATUS_MIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Host host;
    private final NetworkProtocols protocols;
    private final LocalChain chain;
    private final HeaderBatchImporter headerImporter;
    private final PeerPenalty penalty;
    private final AtomicLong unfollowableChains = new AtomicLong();
    private final PeerActivity activity;
    private final SyncSettings settings;
    private final BigInteger minimumWork;
    private final ScheduledExecutorService loop;
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<PeerId, PeerSyncState> peers = new HashMap<>();
    private final BodyDownload bodies;
    private ChainView view;
    private boolean viewPending;
    private boolean viewDirty = true;

    public ChainSync(Host host, NetworkProtocols protocols, LocalChain chain, HeaderPowVerifier pow, PeerPenalty penalty,
            SyncSettings settings, BigInteger minimumWork) {
        this(host, protocols, chain, pow, penalty, PeerActivity.NONE, settings, minimumWork);
    }

    public ChainSync(Host host, NetworkProtocols protocols, LocalChain chain, HeaderPowVerifier pow, PeerPenalty penalty,
            PeerActivity activity, SyncSettings settings, BigInteger minimumWork) {
        this.activity = activity;
        this.host = host;
        this.protocols = protocols;
        this.chain = chain;
        this.headerImporter = new HeaderBatchImporter(chain, pow, blocking);
        this.penalty = penalty;
        this.settings = settings;
        this.minimumWork = minimumWork;
        this.loop = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("numi-sync").daemon().factory());
        this.bodies = new BodyDownload(host, protocols, chain, penalty, activity, settings, loop, peers, new BodyDownload.Owner() {
            @Override
            public void importCompleted() {
                viewDirty = true;
                if (!viewPending) {
                    refreshView();
                }
            }

            @Override
            public void punish(PeerId peer, Reason reason, Severity severity, String detail) {
                ChainSync.this.punish(peer, reason, severity, detail);
            }
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
            bodies.forget(peer);
            warnIfStranded(peer);
        });
    }

    /** The last peer went while blocks are still wanted: sync cannot go on, and the operator should know why. */
    private void warnIfStranded(PeerId lost) {
        if (peers.isEmpty() && view != null && !view.wanted().isEmpty()) {
            log.warn("sync has no peer left ({} was the last) while {} blocks of the best header chain are still wanted; "
                    + "it resumes when a peer connects (check the bootstrap list, and the peers' logs for a ban)",
                    lost, view.wanted().size());
        }
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

    /** How many peers' chains were found to fork below this node's snapshot base (and are not followed). */
    public long unfollowableChains() {
        return unfollowableChains.get();
    }

    /** Blocks requested and not yet answered (for tests and metrics). */
    public CompletableFuture<Integer> blocksInFlight() {
        return CompletableFuture.supplyAsync(bodies::inFlight, loop);
    }

    /** Block bodies requested from peers so far ({@code numi.p2p.sync.block_requests}). */
    public long blockRequests() {
        return bodies.requested();
    }

    /**
     * Requested bodies the chain already had when they were imported ({@code numi.p2p.sync.blocks_already_known}):
     * a block asked for twice, or gossiped while its request was out. Zero in a sync from quiet peers.
     */
    public long blocksAlreadyKnown() {
        return bodies.alreadyKnown();
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
        if (view != null && !viewDirty && tipMovedSince(view)) {
            viewDirty = true;  // the chain moved outside sync (API, miner): the locator must not lag it
        }
        if (viewDirty && !viewPending) {
            refreshView();
        }
        long now = System.nanoTime();
        for (PeerSyncState state : peers.values()) {
            if (!state.statusInFlight && now - state.nextStatusNanos >= 0) {
                requestStatus(state);
            }
        }
        bodies.expireStalled(now);
        if (view == null) {
            return;
        }
        requestHeaders();
        bodies.requestBlocks(now);
    }

    /** Whether the chain's tip is no longer the one {@code view} was read at (false while the chain refuses service). */
    private boolean tipMovedSince(ChainView view) {
        try {
            return !view.tipId().equals(chain.status().tipId());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Reads the view again; once it is back, reads it once more if an import completed meanwhile. */
    private void refreshView() {
        readView().thenAccept(fresh -> {
            if (viewDirty && !viewPending) {
                refreshView();
            }
            bodies.requestBlocks(System.nanoTime());
        });
    }

    /** Reads the view (on the import thread, behind the writes queued so far); completes on the sync thread. */
    private CompletableFuture<ChainView> readView() {
        viewPending = true;
        viewDirty = false;
        long mark = bodies.viewMark();
        CompletableFuture<ChainView> read = new CompletableFuture<>();
        chain.view(settings.blockWindow()).whenCompleteAsync((fresh, failure) -> {
            viewPending = false;
            if (failure != null) {
                log.debug("could not read the chain view: {}", failure.toString());
                viewDirty = true;
                return;
            }
            view = fresh;
            bodies.viewRead(fresh, mark);
            read.complete(fresh);
        }, loop);
        return read;
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
        List<Hash256> locator = locatorFor(state);
        HeaderBatchImporter.Request ask = new HeaderBatchImporter.Request(max, locator, state.presynced, state.claimedWork(), minimumWork);
        byte[] request = SyncCodec.encodeHeadersRequest(new SyncCodec.HeadersRequest(locator, max));
        RequestResponse.request(host, state.peer, protocols.headers(), request)
                .thenCompose(bytes -> headerImporter.importBatch(bytes, ask))
                .whenCompleteAsync((outcome, failure) -> {
                    state.headersInFlight = false;
                    if (failure != null) {
                        log.debug("headers from {} failed: {}", state.peer, failure.toString());
                        return;
                    }
                    switch (outcome) {
                        case HeaderBatchImporter.Imported imported -> {
                            viewDirty = true;
                            state.presynced = List.of();
                            state.continueFrom = imported.more() ? imported.lastId() : null;
                        }
                        case HeaderBatchImporter.Presyncing presyncing -> {
                            state.presynced = presyncing.presynced();
                            state.continueFrom = null;
                            log.debug("peer {}: {} headers presynced, chain work {} still below the threshold",
                                    state.peer, presyncing.presynced().size(), presyncing.work());
                        }
                        case HeaderBatchImporter.Refused refused -> punish(state.peer, refused.reason(), refused.severity(), refused.detail());
                        case HeaderBatchImporter.Unfollowable unfollowable -> {
                            state.unfollowable = true;
                            state.presynced = List.of();
                            unfollowableChains.incrementAndGet();
                            log.info("peer {}: its chain is not followed (no penalty): {}", state.peer, unfollowable.detail());
                        }
                    }
                }, loop);
    }

    /**
     * Our locator, led by where this peer's last answer ended when that is to be followed: the
     * last presynced header, or the last of a full batch of headers we already held.
     */
    private List<Hash256> locatorFor(PeerSyncState state) {
        Hash256 lead = !state.presynced.isEmpty() ? BlockHeaderCodec.id(state.presynced.getLast()) : state.continueFrom;
        if (lead == null) {
            return view.locator();
        }
        LinkedHashSet<Hash256> ids = new LinkedHashSet<>();
        ids.add(lead);
        ids.addAll(view.locator());
        List<Hash256> locator = new ArrayList<>(ids);
        if (locator.size() > SyncCodec.MAX_LOCATOR) {
            Hash256 genesis = locator.getLast();
            locator = new ArrayList<>(locator.subList(0, SyncCodec.MAX_LOCATOR - 1));
            locator.add(genesis);
        }
        return locator;
    }

    private void punish(PeerId peer, Reason reason, Severity severity, String detail) {
        log.info("peer {} penalised ({}, {}): {}", peer, reason, severity, detail);
        penalty.penalise(peer, reason, severity, detail);
        if (severity == Severity.FATAL) {
            peers.remove(peer);
            bodies.forget(peer);
            warnIfStranded(peer);
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        blocking.shutdownNow();
    }
}

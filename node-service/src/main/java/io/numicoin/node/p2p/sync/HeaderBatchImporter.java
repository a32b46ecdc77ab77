package io.numicoin.node.p2p.sync;

import io.numicoin.network.sync.SyncCodec;
import io.numicoin.node.p2p.hooks.PeerPenalty.Reason;
import io.numicoin.node.p2p.hooks.PeerPenalty.Severity;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.HeaderBatchCheck;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.validation.BlockRejectReason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One headers response, from bytes to the block tree, cheapest checks first: decoded (no more than
 * asked for) and linked up; then, in one read of the tree, it must answer the request (its first
 * header follows an id we named, none of its headers is one we named), headers we already hold are
 * skipped, and every new header passes the header rules on its branch — so its target is the one
 * the difficulty rule gives there ({@link HeaderBatchCheck}). Only then are the proofs of work
 * verified, in parallel, against those expected targets. A chain whose work is still below the
 * threshold ({@code max(network minimum, tip work - 144 blocks)}, or the configured minimum) is
 * presynced: its checked headers are held for the caller, not stored, until a later batch carries
 * it over the threshold (at most {@value #MAX_PRESYNC_HEADERS} headers). A short batch ends the
 * peer's chain: if that chain holds less work than the peer claimed before we asked, the claim was
 * false — judged in the same round.
 */
final class HeaderBatchImporter {

    /** Headers of one low-work chain held before it must have shown enough work. */
    static final int MAX_PRESYNC_HEADERS = 20_000;

    /** What we asked: the locator, the peer's presynced headers, what it claimed, the least work we follow. */
    record Request(int max, List<Hash256> locator, List<BlockHeader> presynced, BigInteger claimedWork, BigInteger minimumWork) {

        Request {
            locator = List.copyOf(locator);
            presynced = List.copyOf(presynced);
        }
    }

    /** What became of a batch. */
    sealed interface Outcome {
    }

    /** {@code stored} headers went into the tree; with {@code more}, ask again after {@code lastId}. */
    record Imported(int stored, Hash256 lastId, boolean more) implements Outcome {
    }

    /** The chain is still below the work threshold: these headers (checked, not stored) are held, ask again after the last. */
    record Presyncing(List<BlockHeader> presynced, BigInteger work) implements Outcome {
    }

    /** The peer is to be penalised. */
    record Refused(Reason reason, Severity severity, String detail) implements Outcome {
    }

    /**
     * The peer's chain cannot be followed, without its fault: it forks below this node's snapshot
     * base, or it ends below the work threshold.
     */
    record Unfollowable(String detail) implements Outcome {
    }

    private final LocalChain chain;
    private final HeaderPowVerifier pow;
    private final Executor blocking;

    HeaderBatchImporter(LocalChain chain, HeaderPowVerifier pow, Executor blocking) {
        this.chain = chain;
        this.pow = pow;
        this.blocking = blocking;
    }

    CompletableFuture<Outcome> importBatch(byte[] bytes, Request request) {
        List<BlockHeader> headers;
        try {
            headers = SyncCodec.decodeHeaders(bytes, request.max());
        } catch (DecodeException e) {
            return done(new Refused(Reason.MALFORMED_MESSAGE, Severity.FATAL, "headers: " + e.getMessage()));
        }
        for (int i = 1; i < headers.size(); i++) {
            if (!headers.get(i).previousId().equals(BlockHeaderCodec.id(headers.get(i - 1)))) {
                return done(new Refused(Reason.MALFORMED_MESSAGE, Severity.FATAL, "headers do not link at " + i));
            }
        }
        boolean full = headers.size() >= request.max();
        return chain.precheckHeaders(headers, request.locator(), request.presynced(), full).thenCompose(pre -> switch (pre.verdict()) {
            case HeaderBatchCheck.Refused refused -> done(refusal(refused));
            case HeaderBatchCheck.Checked checked -> checked.fresh().isEmpty()
                    ? done(nothingNew(checked, full, request))
                    : verifyWork(checked).thenCompose(failure -> failure.isPresent()
                            ? done(new Refused(Reason.INVALID_HEADER, Severity.FATAL,
                                    "header " + (headers.size() - checked.fresh().size() + failure.getAsInt())
                                            + " lacks its proof of work at the expected target"))
                            : admit(checked, full, request, pre.workThreshold().max(request.minimumWork())));
        });
    }

    private static Outcome refusal(HeaderBatchCheck.Refused refused) {
        String detail = (refused.index() >= 0 ? "header " + refused.index() + ": " : "") + refused.detail();
        return switch (refused.failure()) {
            case UNCONNECTED -> new Refused(Reason.UNREQUESTED_DATA, Severity.FATAL, detail);
            case REPLAY -> new Refused(Reason.REPLAYED_HEADERS, Severity.FATAL, detail);
            case INVALID -> new Refused(Reason.INVALID_HEADER, Severity.FATAL, detail);
            case BELOW_SNAPSHOT_BASE -> new Unfollowable(detail);
        };
    }

    /** Only headers we hold: a full batch is followed from its end, a short one must reach the claim. */
    private static Outcome nothingNew(HeaderBatchCheck.Checked checked, boolean full, Request request) {
        if (full) {
            return new Imported(0, checked.lastId(), true);
        }
        if (request.claimedWork().compareTo(checked.endWork()) > 0) {
            return new Refused(Reason.FALSE_TIP_CLAIM, Severity.FATAL, "claimed work " + request.claimedWork()
                    + " but its headers end at " + checked.endWork() + ", all of them headers we hold");
        }
        return new Imported(0, checked.lastId(), false);
    }

    private CompletableFuture<OptionalInt> verifyWork(HeaderBatchCheck.Checked checked) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return pow.firstFailure(checked.fresh(), checked.expectedTargets());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking proofs of work", e);
            }
        }, blocking);
    }

    /** Headers whose work is verified: stored once their chain reaches the threshold, held (presync) until then. */
    private CompletableFuture<Outcome> admit(HeaderBatchCheck.Checked checked, boolean full, Request request, BigInteger threshold) {
        List<BlockHeader> chainHeaders = new ArrayList<>();
        if (checked.continuesPresync()) {
            chainHeaders.addAll(request.presynced());
        }
        chainHeaders.addAll(checked.fresh());
        boolean claimFalse = !full && request.claimedWork().compareTo(checked.endWork()) > 0;
        if (checked.endWork().compareTo(threshold) < 0) {
            if (claimFalse) {
                return done(new Refused(Reason.FALSE_TIP_CLAIM, Severity.FATAL, "claimed work " + request.claimedWork()
                        + " but its headers end at " + checked.endWork()));
            }
            if (!full) {
                return done(new Unfollowable("its chain ends at work " + checked.endWork() + ", below the threshold " + threshold));
            }
            if (chainHeaders.size() > MAX_PRESYNC_HEADERS) {
                return done(new Unfollowable(chainHeaders.size() + " headers still below the work threshold " + threshold));
            }
            return done(new Presyncing(chainHeaders, checked.endWork()));
        }
        return chain.submitHeadersWithVerifiedWork(chainHeaders).thenApply(refused -> refused.<Outcome>map(r ->
                r.rejection().reason() == BlockRejectReason.BELOW_SNAPSHOT_BASE
                        ? new Unfollowable("header " + r.index() + ": " + r.rejection())
                        : new Refused(Reason.INVALID_HEADER, Severity.FATAL, "header " + r.index() + ": " + r.rejection()))
                .orElseGet(() -> claimFalse
                        ? new Refused(Reason.FALSE_TIP_CLAIM, Severity.FATAL, "claimed work " + request.claimedWork()
                                + " but its headers end at " + checked.endWork())
                        : new Imported(chainHeaders.size(), checked.lastId(), full)));
    }

    private static CompletableFuture<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}

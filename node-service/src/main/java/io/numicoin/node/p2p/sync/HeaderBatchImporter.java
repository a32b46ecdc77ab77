package io.numicoin.node.p2p.sync;

import io.numicoin.node.p2p.PeerPenalty;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.validation.BlockRejectReason;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One headers response, from bytes to the block tree: decoded (no more than asked for), checked to
 * form one chain, proofs of work verified in parallel, then imported in order. The outcome says
 * how many headers were imported or why the batch was refused (and the peer is to be penalised).
 */
final class HeaderBatchImporter {

    /** What became of a batch. */
    sealed interface Outcome {
    }

    record Imported(int count) implements Outcome {
    }

    record Refused(PeerPenalty.Reason reason, String detail) implements Outcome {
    }

    /**
     * The peer's chain forks at or below this node's snapshot base: not invalid (the node cannot
     * judge it without the state there), but a chain this node cannot follow.
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

    CompletableFuture<Outcome> importBatch(byte[] bytes, int max) {
        List<BlockHeader> headers;
        try {
            headers = SyncCodec.decodeHeaders(bytes, max);
        } catch (DecodeException e) {
            return done(new Refused(PeerPenalty.Reason.MALFORMED_MESSAGE, "headers: " + e.getMessage()));
        }
        for (int i = 1; i < headers.size(); i++) {
            if (!headers.get(i).previousId().equals(BlockHeaderCodec.id(headers.get(i - 1)))) {
                return done(new Refused(PeerPenalty.Reason.MALFORMED_MESSAGE, "headers do not link at " + i));
            }
        }
        return CompletableFuture.supplyAsync(() -> firstPowFailure(headers), blocking).thenCompose(failure -> {
            if (failure.isPresent()) {
                return done(new Refused(PeerPenalty.Reason.INVALID_HEADER, "header " + failure.getAsInt() + " lacks its proof of work"));
            }
            return chain.submitHeadersWithVerifiedWork(headers).thenApply(refused -> refused.<Outcome>map(r ->
                    r.rejection().reason() == BlockRejectReason.BELOW_SNAPSHOT_BASE
                            ? new Unfollowable("header " + r.index() + ": " + r.rejection())
                            : new Refused(PeerPenalty.Reason.INVALID_HEADER, "header " + r.index() + ": " + r.rejection()))
                    .orElse(new Imported(headers.size())));
        });
    }

    private OptionalInt firstPowFailure(List<BlockHeader> headers) {
        try {
            return pow.firstFailure(headers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking proofs of work", e);
        }
    }

    private static CompletableFuture<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}

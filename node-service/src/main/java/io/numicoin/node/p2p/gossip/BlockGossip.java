package io.numicoin.node.p2p.gossip;

import io.numicoin.node.p2p.hooks.PeerActivity;
import io.numicoin.node.p2p.hooks.PeerPenalty;
import io.numicoin.node.p2p.sync.ChainSync;
import io.numicoin.node.p2p.sync.LocalChain;
import io.numicoin.p2p.gossipsub.MessageValidator;
import io.numicoin.p2p.gossipsub.PublishResult;
import io.numicoin.p2p.gossipsub.ReceivedMessage;
import io.numicoin.p2p.gossipsub.ValidationResult;
import io.numicoin.p2p.gossipsub.host.GossipsubService;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.BlockRelayCheck;
import io.numicoin.protocol.chain.WorkVerifiedBlock;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.protocol.validation.BlockRejection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocks topic. A gossiped block that extends (or competes with) the tip is forwarded as soon
 * as it passes the checks that make it costly to forge ({@link BlockRelayCheck}: body commitment,
 * header rules, Argon2id proof of work, on one checking thread and without the import lock), and
 * imported right after, through the same import queue as every block: each hop adds a check, not
 * an import. That import takes the check's verified proof of work ({@link WorkVerifiedBlock}) and
 * does not run Argon2id again. Any other block is imported before it is forwarded, as before: ACCEPT when it
 * connected, landed on a side branch or was already known; IGNORE when its parent is unknown (then
 * the sender is asked for its status, so sync fetches the missing ancestors).
 *
 * <p>Penalties: a block that does not decode, or whose header, proof of work or body commitment is
 * broken, is REJECTed and bans its sender ({@link PeerPenalty.Severity#FATAL}): no honest node
 * forwards it. A block with a valid header whose body or state turns out invalid
 * ({@link BlockRejectReason#escapesRelayCheck}) may have been relayed by an honest peer before its
 * own import found out, so it is reported as {@link PeerPenalty.Reason#INVALID_BODY}, MINOR (counted,
 * never scored toward a ban) and IGNOREd (no gossipsub penalty); a block forwarded already gets no
 * second verdict from gossipsub, only that report. A block that connected or extended a side branch counts as
 * useful for its sender ({@link PeerActivity#usefulBlock}); a sender over its block gossip budget is
 * IGNOREd unread (the refusal costs it points).
 */
public final class BlockGossip implements MessageValidator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BlockGossip.class);

    private final LocalChain chain;
    private final ChainSync sync;
    private final PeerPenalty penalty;
    private final PeerActivity activity;
    /** Runs the relay checks, one at a time: the check is confined to this thread. */
    private final ExecutorService checking;
    private final BlockRelayCheck relayCheck;
    private volatile GossipsubService gossip;
    private volatile String topic;

    public BlockGossip(LocalChain chain, ChainSync sync, PeerPenalty penalty) {
        this(chain, sync, penalty, PeerActivity.NONE);
    }

    public BlockGossip(LocalChain chain, ChainSync sync, PeerPenalty penalty, PeerActivity activity) {
        this.activity = activity;
        this.chain = chain;
        this.sync = sync;
        this.penalty = penalty;
        this.relayCheck = new BlockRelayCheck(chain.params());
        this.checking = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("numi-p2p-relay-check").daemon().factory());
    }

    public CompletableFuture<Void> subscribe(GossipsubService service, String blocksTopic) {
        this.gossip = service;
        this.topic = blocksTopic;
        return service.subscribe(blocksTopic, this);
    }

    /** Announces a block this node connected itself (mined, or posted to the API). */
    public CompletableFuture<PublishResult> publish(byte[] encodedBlock) {
        return gossip.publish(topic, encodedBlock);
    }

    @Override
    public CompletionStage<ValidationResult> validate(ReceivedMessage message) {
        PeerId source = message.propagationSource();
        if (!activity.admit(source, PeerActivity.Traffic.BLOCK_GOSSIP)) {
            return CompletableFuture.completedFuture(ValidationResult.IGNORE);
        }
        Block block;
        try {
            block = BlockCodec.decode(message.data().toArray());
        } catch (DecodeException e) {
            penalty.penalise(source, PeerPenalty.Reason.MALFORMED_MESSAGE, PeerPenalty.Severity.MAJOR, e.getMessage());
            return CompletableFuture.completedFuture(ValidationResult.REJECT);
        }
        return CompletableFuture.supplyAsync(() -> relayCheck.check(block, chain.tipBranch(), chain.nowSeconds()), checking)
                .exceptionally(failure -> new BlockRelayCheck.Defer("the relay check failed: " + failure))
                .thenCompose(verdict -> switch (verdict) {
                    case BlockRelayCheck.Relay(WorkVerifiedBlock verified) -> {
                        chain.submitBlock(verified, source).whenComplete((result, failure) -> judge(result, failure, source, true));
                        yield CompletableFuture.completedFuture(ValidationResult.ACCEPT);
                    }
                    case BlockRelayCheck.Refuse(BlockRejection rejection) when rejection.reason() == BlockRejectReason.TIMESTAMP_TOO_FAR_IN_FUTURE -> {
                        log.info("a gossiped block from {} is stamped beyond this node's future limit; not forwarded, not held "
                                + "against its sender (clocks differ; it may be valid later): {}", source, rejection);
                        yield CompletableFuture.completedFuture(ValidationResult.IGNORE);
                    }
                    case BlockRelayCheck.Refuse(BlockRejection rejection) -> {
                        penalty.penalise(source, PeerPenalty.Reason.INVALID_BLOCK, PeerPenalty.Severity.FATAL, rejection.toString());
                        yield CompletableFuture.completedFuture(ValidationResult.REJECT);
                    }
                    case BlockRelayCheck.Defer defer -> chain.submitBlock(block, source)
                            .handle((result, failure) -> judge(result, failure, source, false));
                });
    }

    /**
     * The import's verdict: the sender's reward or penalty, and what gossipsub should do with the
     * message ({@code relayed}: it was forwarded already, so the answer is not used).
     */
    private ValidationResult judge(BlockImportResult result, Throwable failure, PeerId source, boolean relayed) {
        if (failure != null) {
            log.debug("gossiped block not imported: {}", failure.toString());
            return ValidationResult.IGNORE;
        }
        sync.chainChanged();
        return switch (result.outcome()) {
            case CONNECTED, SIDE_BRANCH -> {
                activity.usefulBlock(source);
                yield ValidationResult.ACCEPT;
            }
            case ALREADY_KNOWN -> ValidationResult.ACCEPT;
            case ORPHANED -> {
                sync.refreshPeer(source);
                yield ValidationResult.IGNORE;
            }
            case INVALID -> invalid(result, source, relayed);
        };
    }

    private ValidationResult invalid(BlockImportResult result, PeerId source, boolean relayed) {
        Optional<BlockRejectReason> reason = result.rejection().map(BlockRejection::reason);
        String detail = result.id() + ": " + result.rejection().map(Object::toString).orElse("");
        if (reason.equals(Optional.of(BlockRejectReason.BELOW_SNAPSHOT_BASE))) {
            return ValidationResult.IGNORE;  // a stale block below our snapshot base: our limit, not the peer's fault
        }
        if (reason.equals(Optional.of(BlockRejectReason.TIMESTAMP_TOO_FAR_IN_FUTURE))) {
            // our clock's limit, not proof of bad faith (Bitcoin Core does not punish time-too-new either);
            // a header refusal is not remembered, so the block is taken once it is no longer too new
            return ValidationResult.IGNORE;
        }
        if (reason.equals(Optional.of(BlockRejectReason.LOW_CHAIN_WORK))) {
            // a block of a chain far below ours: not stored, not forwarded; costs the sender a little
            penalty.penalise(source, PeerPenalty.Reason.LOW_WORK_CHAIN, PeerPenalty.Severity.MINOR, detail);
            return ValidationResult.IGNORE;
        }
        if (relayed || reason.map(BlockRejectReason::escapesRelayCheck).orElse(false)) {
            // its header and proof of work held (we checked them, or the import did first): an honest peer may have relayed it
            log.info("a gossiped block {} is invalid, {}; its sender {} may have relayed it in good faith: {}", result.id(),
                    relayed ? "found on import after we forwarded it" : "found before forwarding", source, detail);
            penalty.penalise(source, PeerPenalty.Reason.INVALID_BODY, PeerPenalty.Severity.MINOR, detail);
            return ValidationResult.IGNORE;
        }
        penalty.penalise(source, PeerPenalty.Reason.INVALID_BLOCK, PeerPenalty.Severity.FATAL, detail);
        return ValidationResult.REJECT;
    }

    @Override
    public void close() {
        checking.shutdownNow();
    }
}

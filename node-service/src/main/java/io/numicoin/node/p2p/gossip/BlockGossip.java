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
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.validation.BlockRejectReason;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocks topic. A gossiped block is imported before it is forwarded: ACCEPT when it connected,
 * landed on a side branch or was already known; REJECT (and a penalty) when it does not decode or is
 * invalid; IGNORE when its parent is unknown — then the sender is asked for its status, so sync
 * fetches the missing ancestors. A block that connected or extended a side branch counts as useful
 * for its sender ({@link PeerActivity#usefulBlock}); a sender over its block gossip budget is
 * IGNOREd unread (the refusal costs it points).
 */
public final class BlockGossip implements MessageValidator {

    private static final Logger log = LoggerFactory.getLogger(BlockGossip.class);

    private final LocalChain chain;
    private final ChainSync sync;
    private final PeerPenalty penalty;
    private final PeerActivity activity;
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
        if (!activity.admit(message.propagationSource(), PeerActivity.Traffic.BLOCK_GOSSIP)) {
            return CompletableFuture.completedFuture(ValidationResult.IGNORE);
        }
        Block block;
        try {
            block = BlockCodec.decode(message.data().toArray());
        } catch (DecodeException e) {
            penalty.penalise(message.propagationSource(), PeerPenalty.Reason.MALFORMED_MESSAGE, PeerPenalty.Severity.MAJOR, e.getMessage());
            return CompletableFuture.completedFuture(ValidationResult.REJECT);
        }
        return chain.submitBlock(block, message.propagationSource()).handle((result, failure) -> {
            if (failure != null) {
                log.debug("gossiped block not imported: {}", failure.toString());
                return ValidationResult.IGNORE;
            }
            sync.chainChanged();
            return switch (result.outcome()) {
                case CONNECTED, SIDE_BRANCH -> {
                    activity.usefulBlock(message.propagationSource());
                    yield ValidationResult.ACCEPT;
                }
                case ALREADY_KNOWN -> ValidationResult.ACCEPT;
                case ORPHANED -> {
                    sync.refreshPeer(message.propagationSource());
                    yield ValidationResult.IGNORE;
                }
                case INVALID -> {
                    if (result.rejection().map(r -> r.reason() == BlockRejectReason.BELOW_SNAPSHOT_BASE).orElse(false)) {
                        yield ValidationResult.IGNORE;  // a stale block below our snapshot base: our limit, not the peer's fault
                    }
                    if (result.rejection().map(r -> r.reason() == BlockRejectReason.LOW_CHAIN_WORK).orElse(false)) {
                        // a block of a chain far below ours: not stored, not forwarded; costs the sender a little
                        penalty.penalise(message.propagationSource(), PeerPenalty.Reason.LOW_WORK_CHAIN, PeerPenalty.Severity.MINOR,
                                result.id() + ": " + result.rejection().orElseThrow());
                        yield ValidationResult.IGNORE;
                    }
                    penalty.penalise(message.propagationSource(), PeerPenalty.Reason.INVALID_BLOCK, PeerPenalty.Severity.FATAL,
                            result.id() + ": " + result.rejection().map(Object::toString).orElse(""));
                    yield ValidationResult.REJECT;
                }
            };
        });
    }

}

package io.numicoin.node.p2p.gossip;

import io.numicoin.node.p2p.hooks.PeerActivity;
import io.numicoin.node.p2p.hooks.PeerPenalty;
import io.numicoin.node.relay.TipCheck;
import io.numicoin.node.relay.TransactionBroadcast;
import io.numicoin.node.relay.TransactionRelay;
import io.numicoin.p2p.gossipsub.MessageValidator;
import io.numicoin.p2p.gossipsub.PublishResult;
import io.numicoin.p2p.gossipsub.ReceivedMessage;
import io.numicoin.p2p.gossipsub.ValidationResult;
import io.numicoin.p2p.gossipsub.host.GossipsubService;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.TxCheck;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions topic. A gossiped transfer is checked with the stateless
 * {@link TransactionRules} (decoding, chain id, policy, signatures), then against the tip
 * ({@link TransactionRelay#checkAgainstTip}: expiry, nonce window, balance, minimum relay fee rate)
 * before it is forwarded and recorded once ({@link TransactionRelay#recordFromPeer}: a
 * {@code TransactionSeen} event, source PEER, on the event-source node). Coinbases and transfers
 * breaking a stateless rule are rejected with a penalty; a transfer that fails against the tip (the
 * peer's tip may differ from ours) or whose txid was heard lately is IGNOREd without one; a sender
 * over its transaction gossip budget ({@link PeerActivity}) is IGNOREd unread. It is also the
 * {@link TransactionBroadcast} of the transfers the node's API accepted.
 */
public final class TransactionGossip implements MessageValidator, TransactionBroadcast {

    private static final Logger log = LoggerFactory.getLogger(TransactionGossip.class);

    private final TransactionRules rules;
    private final TransactionRelay relay;
    private final PeerPenalty penalty;
    private final ExecutorService workers;
    private final PeerActivity activity;
    private volatile GossipsubService gossip;
    private volatile String topic;

    public TransactionGossip(TransactionRules rules, TransactionRelay relay, PeerPenalty penalty, ExecutorService workers,
            PeerActivity activity) {
        this.activity = activity;
        this.rules = rules;
        this.relay = relay;
        this.penalty = penalty;
        this.workers = workers;
    }

    public CompletableFuture<Void> subscribe(GossipsubService service, String txsTopic) {
        this.gossip = service;
        this.topic = txsTopic;
        return service.subscribe(txsTopic, this);
    }

    /** Publishes a transfer (one the mempool or the API accepted); nothing before the topic is subscribed. */
    public CompletableFuture<PublishResult> publish(TransferTx tx) {
        GossipsubService service = gossip;
        if (service == null) {
            return CompletableFuture.completedFuture(null);
        }
        return service.publish(topic, TransactionCodec.encode(tx));
    }

    @Override
    public void broadcast(TransferTx tx) {
        publish(tx).whenComplete((result, error) -> {
            if (error != null) {
                log.warn("could not publish transaction {}: {}", TransactionCodec.txid(tx), error.toString());
            }
        });
    }

    @Override
    public CompletionStage<ValidationResult> validate(ReceivedMessage message) {
        if (!activity.admit(message.propagationSource(), PeerActivity.Traffic.TRANSACTION_GOSSIP)) {
            return CompletableFuture.completedFuture(ValidationResult.IGNORE);
        }
        return CompletableFuture.supplyAsync(() -> check(message), workers);
    }

    private ValidationResult check(ReceivedMessage message) {
        Transaction tx;
        try {
            tx = TransactionCodec.decode(message.data().toArray());
        } catch (DecodeException e) {
            penalty.penalise(message.propagationSource(), PeerPenalty.Reason.MALFORMED_MESSAGE, PeerPenalty.Severity.MAJOR, e.getMessage());
            return ValidationResult.REJECT;
        }
        Hash256 txid = TransactionCodec.txid(tx);
        if (relay.alreadyHeard(txid)) {
            return ValidationResult.IGNORE;
        }
        TxCheck check = rules.check(tx);
        if (!check.isValid() || !(tx instanceof TransferTx transfer)) {
            penalty.penalise(message.propagationSource(), PeerPenalty.Reason.INVALID_TRANSACTION, PeerPenalty.Severity.MAJOR,
                    check.reason() + ": " + check.detail());
            return ValidationResult.REJECT;
        }
        try {
            TipCheck tip = relay.checkAgainstTip(transfer, message.data().size());
            if (!tip.isPassed()) {
                log.debug("not relaying transaction {} from {}: {} {}", txid, message.propagationSource(), tip.reason(), tip.detail());
                return ValidationResult.IGNORE;
            }
            return relay.recordFromPeer(transfer, txid, message.propagationSource().toBase58())
                    ? ValidationResult.ACCEPT : ValidationResult.IGNORE;
        } catch (RuntimeException e) {
            log.warn("could not check or record a transaction seen from {}: {}", message.propagationSource(), e.toString());
            return ValidationResult.IGNORE;
        }
    }
}

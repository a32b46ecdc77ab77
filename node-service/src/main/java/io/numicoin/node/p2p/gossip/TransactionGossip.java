package io.numicoin.node.p2p.gossip;

import io.numicoin.node.outbox.EventOutbox;
import io.numicoin.node.p2p.PeerActivity;
import io.numicoin.node.p2p.PeerPenalty;
import io.numicoin.p2p.gossipsub.MessageValidator;
import io.numicoin.p2p.gossipsub.PublishResult;
import io.numicoin.p2p.gossipsub.ReceivedMessage;
import io.numicoin.p2p.gossipsub.ValidationResult;
import io.numicoin.p2p.gossipsub.host.GossipsubService;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
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
 * {@link TransactionRules} (decoding, chain id, policy, signatures) before it is forwarded, and
 * recorded as {@code TransactionSeen} (source PEER) in the outbox for the mempool. State checks
 * (balance, nonce) are the mempool's. Coinbases and invalid transfers are rejected with a penalty;
 * a sender over its transaction gossip budget ({@link PeerActivity}) is IGNOREd unread.
 */
public final class TransactionGossip implements MessageValidator {

    private static final Logger log = LoggerFactory.getLogger(TransactionGossip.class);

    private final TransactionRules rules;
    private final EventOutbox outbox;
    private final PeerPenalty penalty;
    private final ExecutorService workers;
    private final PeerActivity activity;
    private volatile GossipsubService gossip;
    private volatile String topic;

    public TransactionGossip(TransactionRules rules, EventOutbox outbox, PeerPenalty penalty, ExecutorService workers) {
        this(rules, outbox, penalty, workers, PeerActivity.NONE);
    }

    public TransactionGossip(TransactionRules rules, EventOutbox outbox, PeerPenalty penalty, ExecutorService workers,
            PeerActivity activity) {
        this.activity = activity;
        this.rules = rules;
        this.outbox = outbox;
        this.penalty = penalty;
        this.workers = workers;
    }

    public CompletableFuture<Void> subscribe(GossipsubService service, String txsTopic) {
        this.gossip = service;
        this.topic = txsTopic;
        return service.subscribe(txsTopic, this);
    }

    /** Relays a transfer the mempool accepted. */
    public CompletableFuture<PublishResult> publish(TransferTx tx) {
        return gossip.publish(topic, TransactionCodec.encode(tx));
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
        TxCheck check = rules.check(tx);
        if (!check.isValid() || !(tx instanceof TransferTx transfer)) {
            penalty.penalise(message.propagationSource(), PeerPenalty.Reason.INVALID_TRANSACTION, PeerPenalty.Severity.MAJOR,
                    check.reason() + ": " + check.detail());
            return ValidationResult.REJECT;
        }
        try {
            outbox.transactionSeenFromPeer(transfer, message.propagationSource().toBase58());
        } catch (RuntimeException e) {
            log.warn("could not record a transaction seen from {}: {}", message.propagationSource(), e.toString());
            return ValidationResult.IGNORE;
        }
        return ValidationResult.ACCEPT;
    }
}

package io.numicoin.node.outbox;

import io.numicoin.events.Event;
import io.numicoin.events.EventMeta;
import io.numicoin.events.EventType;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.codec.EventCodecs;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.TransferTx;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a standalone event — one that describes no database change, such as a transaction
 * seen by the API — through the outbox, in its own transaction, so it goes to Kafka in order with
 * the chain events. A node that is not its deployment's event source publishes nothing. A
 * transaction seen is written once per txid, across restarts ({@link PublishedTransactions}).
 */
public final class EventOutbox {

    private final JdbcOutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final int chainId;
    private final Clock clock;
    private final boolean publishing;
    private final PublishedTransactions published;

    public EventOutbox(JdbcOutboxWriter outbox, TransactionTemplate transactions, int chainId, Clock clock, boolean publishing,
            PublishedTransactions published) {
        this.outbox = outbox;
        this.published = published;
        this.transactions = transactions;
        this.chainId = chainId;
        this.clock = clock;
        this.publishing = publishing;
    }

    /**
     * Appends the event {@code build} makes from its envelope fields (numbered on its topic's own
     * counter) and commits; the relay is woken after the commit.
     *
     * @return the event's outbox seq, or empty when this node does not publish
     */
    public OptionalLong publish(EventType type, Function<EventMeta, ? extends Event> build) {
        if (!publishing) {
            return OptionalLong.empty();
        }
        Long seq = transactions.execute(status -> {
            Event event = build.apply(new EventMeta(chainId, outbox.nextSequence(type.topic()), clock.millis()));
            if (event.type() != type) {
                throw new IllegalArgumentException("built a " + event.type() + " event, expected " + type);
            }
            return outbox.append(EventCodecs.topic(event), EventCodecs.key(event), EventCodecs.encode(event));
        });
        return OptionalLong.of(seq);
    }

    /**
     * A transfer received by the node's API ({@code numi.tx.v1}), once per txid: empty (nothing written)
     * when this node already published it ({@link PublishedTransactions}, across restarts).
     */
    public OptionalLong transactionSeenFromApi(TransferTx tx) {
        long receivedAt = clock.millis();
        return publishOnce(tx, meta -> TransactionSeen.fromApi(meta, tx, receivedAt));
    }

    /** A transfer received from a peer ({@code numi.tx.v1}), once per txid like {@link #transactionSeenFromApi}. */
    public OptionalLong transactionSeenFromPeer(TransferTx tx, String peerId) {
        long receivedAt = clock.millis();
        return publishOnce(tx, meta -> TransactionSeen.fromPeer(meta, tx, receivedAt, peerId));
    }

    private OptionalLong publishOnce(TransferTx tx, Function<EventMeta, ? extends Event> build) {
        if (!publishing) {
            return OptionalLong.empty();
        }
        Hash256 txid = TransactionCodec.txid(tx);
        Long seq = transactions.execute(status -> {
            if (!published.claim(txid)) {
                return null;
            }
            Event event = build.apply(new EventMeta(chainId, outbox.nextSequence(EventType.TRANSACTION_SEEN.topic()), clock.millis()));
            return outbox.append(EventCodecs.topic(event), EventCodecs.key(event), EventCodecs.encode(event));
        });
        return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }

    public boolean publishing() {
        return publishing;
    }
}

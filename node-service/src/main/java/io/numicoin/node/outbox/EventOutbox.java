package io.numicoin.node.outbox;

import io.numicoin.events.Event;
import io.numicoin.events.EventMeta;
import io.numicoin.events.EventType;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.codec.EventCodecs;
import io.numicoin.protocol.tx.TransferTx;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a standalone event — one that describes no database change, such as a transaction
 * seen by the API — through the outbox, in its own transaction, so it goes to Kafka in order with
 * the chain events. A node that is not its deployment's event source publishes nothing.
 */
public final class EventOutbox {

    private final JdbcOutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final int chainId;
    private final Clock clock;
    private final boolean publishing;

    public EventOutbox(JdbcOutboxWriter outbox, TransactionTemplate transactions, int chainId, Clock clock, boolean publishing) {
        this.outbox = outbox;
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

    /** A transfer received by the node's API ({@code numi.tx.v1}). */
    public OptionalLong transactionSeenFromApi(TransferTx tx) {
        long receivedAt = clock.millis();
        return publish(EventType.TRANSACTION_SEEN, meta -> TransactionSeen.fromApi(meta, tx, receivedAt));
    }

    /** A transfer received from a peer ({@code numi.tx.v1}). */
    public OptionalLong transactionSeenFromPeer(TransferTx tx, String peerId) {
        long receivedAt = clock.millis();
        return publish(EventType.TRANSACTION_SEEN, meta -> TransactionSeen.fromPeer(meta, tx, receivedAt, peerId));
    }

    public boolean publishing() {
        return publishing;
    }
}

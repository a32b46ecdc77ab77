package io.numicoin.events;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.TransferTx;
import java.util.Objects;
import java.util.Optional;

/**
 * A transfer the node received from its API or a peer, decoded but not validated against state
 * (the mempool does that), on {@link Topics#TX}. A coinbase is never seen alone. The peer id is
 * present exactly when the source is {@link Source#PEER}.
 */
public record TransactionSeen(
        EventMeta meta, TransferTx tx, Source source, long receivedAtMillis, Optional<String> peerId)
        implements Event {

    /** The longest peer id: a libp2p peer id string is about 52 characters. */
    public static final int MAX_PEER_ID_CHARS = 128;

    /** Where the transaction came from. */
    public enum Source {
        API,
        PEER
    }

    public TransactionSeen {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(peerId, "peerId");
        if (receivedAtMillis < 0) {
            throw new IllegalArgumentException("received-at must not be negative: " + receivedAtMillis);
        }
        if (peerId.isPresent() != (source == Source.PEER)) {
            throw new IllegalArgumentException("a peer id is given exactly when the source is PEER");
        }
        peerId.ifPresent(id -> PrintableAscii.require(id, "peer id", 1, MAX_PEER_ID_CHARS));
    }

    public static TransactionSeen fromApi(EventMeta meta, TransferTx tx, long receivedAtMillis) {
        return new TransactionSeen(meta, tx, Source.API, receivedAtMillis, Optional.empty());
    }

    public static TransactionSeen fromPeer(EventMeta meta, TransferTx tx, long receivedAtMillis, String peerId) {
        return new TransactionSeen(meta, tx, Source.PEER, receivedAtMillis, Optional.of(peerId));
    }

    @Override
    public EventType type() {
        return EventType.TRANSACTION_SEEN;
    }

    /** The txid (computed: BLAKE3 of the unsigned body). */
    public Hash256 txid() {
        return TransactionCodec.txid(tx);
    }

    public Address sender() {
        return tx.sender();
    }
}

package io.numicoin.events;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.TransferTx;
import java.util.Objects;

/**
 * A change of the mempool, on {@link Topics#MEMPOOL}: a transfer accepted (valid against the tip
 * state, the node relays it to peers) or removed. Keyed by sender, so one sender's events keep
 * their order.
 */
public sealed interface MempoolEvent extends Event permits MempoolEvent.Accepted, MempoolEvent.Removed {

    Hash256 txid();

    Address sender();

    /**
     * {@code tx} entered the mempool.
     *
     * @param txid the transaction's txid (checked here)
     * @param feeRate the fee rate the mempool ranks it by: base units per 1,000 encoded bytes
     * @param tipHeight the height of the tip it was validated against
     */
    record Accepted(EventMeta meta, Hash256 txid, TransferTx tx, long feeRate, long tipHeight) implements MempoolEvent {

        public Accepted {
            Objects.requireNonNull(meta, "meta");
            Objects.requireNonNull(txid, "txid");
            Objects.requireNonNull(tx, "tx");
            if (feeRate < 0 || tipHeight < 0) {
                throw new IllegalArgumentException("fee rate and tip height must not be negative");
            }
            if (!txid.equals(TransactionCodec.txid(tx))) {
                throw new IllegalArgumentException("txid " + txid + " is not the transaction's");
            }
        }

        /** The event for {@code tx}, its txid computed. */
        public static Accepted of(EventMeta meta, TransferTx tx, long feeRate, long tipHeight) {
            return new Accepted(meta, TransactionCodec.txid(tx), tx, feeRate, tipHeight);
        }

        @Override
        public EventType type() {
            return EventType.MEMPOOL_ACCEPTED;
        }

        @Override
        public Address sender() {
            return tx.sender();
        }
    }

    /** The transaction {@code txid} of {@code sender} left the mempool, for {@code reason}. */
    record Removed(EventMeta meta, Hash256 txid, Address sender, RemovalReason reason) implements MempoolEvent {

        public Removed {
            Objects.requireNonNull(meta, "meta");
            Objects.requireNonNull(txid, "txid");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public EventType type() {
            return EventType.MEMPOOL_REMOVED;
        }
    }

    /** Why a transaction left the mempool. The wire code is the ordinal: append new reasons only. */
    enum RemovalReason {
        /** A connected block includes it. */
        INCLUDED_IN_BLOCK,
        /** Another transaction of the same sender and nonce with a higher fee took its place. */
        REPLACED,
        /** Its expiry height passed. */
        EXPIRED,
        /** The mempool was full and it paid the least. */
        EVICTED,
        /** It is no longer valid against the tip state (after a block or a reorganisation). */
        INVALID,
        /** A block included another transaction of the same sender and nonce. */
        CONFLICT
    }
}

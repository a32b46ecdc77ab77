package io.numicoin.node.bus;

import io.numicoin.protocol.hash.Hash256;
import java.util.Objects;

/**
 * Something the node just did, as the live stream tells it: a block connected to or disconnected
 * from the active chain (already committed), or a transaction seen (published to {@code numi.tx.v1});
 * or, to one client, a {@link Reset} of its resume.
 */
public sealed interface NodeEvent {

    /** The SSE event name. */
    String type();

    record BlockConnected(Hash256 id, long height) implements NodeEvent {
        public BlockConnected {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String type() {
            return "block-connected";
        }
    }

    record BlockDisconnected(Hash256 id, long height) implements NodeEvent {
        public BlockDisconnected {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String type() {
            return "block-disconnected";
        }
    }

    record TxSeen(Hash256 txid) implements NodeEvent {
        public TxSeen {
            Objects.requireNonNull(txid, "txid");
        }

        @Override
        public String type() {
            return "tx-seen";
        }
    }

    /**
     * Not an event of the chain: the client's {@code Last-Event-ID} is older than the events kept
     * (or unknown to this node), so it missed events it cannot get here; it should resync from the
     * API and go on from this event's sequence.
     *
     * @param oldestKept the oldest sequence number this node can still replay
     */
    record Reset(long oldestKept) implements NodeEvent {
        @Override
        public String type() {
            return "reset";
        }
    }
}

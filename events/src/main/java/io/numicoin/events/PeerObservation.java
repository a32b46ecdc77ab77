package io.numicoin.events;

import java.util.Objects;

/**
 * One attempt to reach a peer, on {@link Topics#PEERS}, keyed by peer id: where, who, what it
 * reported and whether it worked. Text fields are printable ASCII ({@link PrintableAscii}); a
 * publisher sanitizes what the peer sent before building this.
 *
 * @param address the multiaddr dialled or seen, e.g. {@code /ip4/203.0.113.7/tcp/8333}
 * @param agent the peer's identify agent version, empty if unknown
 * @param height the best height the peer reported, 0 if unknown
 */
public record PeerObservation(
        EventMeta meta, String address, String peerId, String agent, long height, Outcome outcome, long observedAtMillis)
        implements Event {

    public static final int MAX_ADDRESS_CHARS = 256;
    public static final int MAX_PEER_ID_CHARS = TransactionSeen.MAX_PEER_ID_CHARS;
    public static final int MAX_AGENT_CHARS = 256;

    /** Whether the peer answered the handshake. The wire code is the ordinal: append only. */
    public enum Outcome {
        SUCCESS,
        FAILURE
    }

    public PeerObservation {
        Objects.requireNonNull(meta, "meta");
        PrintableAscii.require(Objects.requireNonNull(address, "address"), "address", 1, MAX_ADDRESS_CHARS);
        PrintableAscii.require(Objects.requireNonNull(peerId, "peerId"), "peer id", 1, MAX_PEER_ID_CHARS);
        PrintableAscii.require(Objects.requireNonNull(agent, "agent"), "agent", 0, MAX_AGENT_CHARS);
        Objects.requireNonNull(outcome, "outcome");
        if (height < 0 || observedAtMillis < 0) {
            throw new IllegalArgumentException("height and observed-at must not be negative");
        }
    }

    @Override
    public EventType type() {
        return EventType.PEER_OBSERVED;
    }
}

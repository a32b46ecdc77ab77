package io.numicoin.seed.peers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt to reach a peer, from the seed's own crawl or from {@code numi.peers.v1}.
 *
 * @param address the peer's TCP multiaddr without {@code /p2p/} (the store's key)
 * @param peerId the authenticated peer id (base58), if the handshake got that far
 * @param agent the identify agent version, empty if unknown
 * @param height the best height it reported, 0 if unknown
 * @param protocols the protocols identify announced (at most {@link #MAX_PROTOCOLS})
 * @param latencyMillis dial to status answer, -1 if unknown
 * @param reason why it failed or misbehaved, empty on success
 */
public record Observation(
        String address,
        Optional<String> peerId,
        String agent,
        long height,
        List<String> protocols,
        int latencyMillis,
        Outcome outcome,
        String reason) {

    public static final int MAX_PROTOCOLS = 32;
    public static final int MAX_TEXT = 256;

    public Observation {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(outcome, "outcome");
        agent = clip(Objects.requireNonNull(agent, "agent"));
        reason = clip(Objects.requireNonNull(reason, "reason"));
        protocols = Objects.requireNonNull(protocols, "protocols").stream().limit(MAX_PROTOCOLS).map(Observation::clip).toList();
        if (height < 0 || latencyMillis < -1) {
            throw new IllegalArgumentException("height not negative, latency -1 or more");
        }
    }

    public static Observation failure(String address, Optional<String> peerId, String reason) {
        return new Observation(address, peerId, "", 0, List.of(), -1, Outcome.FAILURE, reason);
    }

    public static Observation misbehaved(String address, Optional<String> peerId, String reason) {
        return new Observation(address, peerId, "", 0, List.of(), -1, Outcome.MISBEHAVED, reason);
    }

    /** Printable ASCII only, at most {@link #MAX_TEXT} characters: what a peer sent is never stored raw. */
    static String clip(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TEXT));
        for (int i = 0; i < text.length() && out.length() < MAX_TEXT; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}

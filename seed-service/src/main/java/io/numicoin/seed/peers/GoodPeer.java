package io.numicoin.seed.peers;

import java.util.Objects;

/** A peer the seed hands out: its TCP address (without {@code /p2p/}) and its peer id. */
public record GoodPeer(String address, String peerId) {

    public GoodPeer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(peerId, "peerId");
    }

    /** The libp2p form the node's resolver reads from a {@code _dnsaddr} TXT record. */
    public String dnsaddr() {
        return address + "/p2p/" + peerId;
    }
}

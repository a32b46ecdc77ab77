package io.numicoin.p2p.host;

/** Who opened a connection: {@code OUTBOUND} when this host dialled it. */
public enum Direction {
    INBOUND,
    OUTBOUND
}

package io.numicoin.protocol.params;

import java.util.Locale;

/** The three NumiCoin networks. Each has its own genesis, chain id and address prefix. */
public enum Network {
    MAINNET,
    TESTNET,
    REGTEST;

    /** Lower-case name used in configuration, gossip topics and file names. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code mainnet}, {@code testnet} or {@code regtest} (any case). */
    public static Network fromId(String id) {
        for (Network network : values()) {
            if (network.id().equalsIgnoreCase(id.trim())) {
                return network;
            }
        }
        throw new IllegalArgumentException("unknown network '" + id + "' (mainnet, testnet, regtest)");
    }
}

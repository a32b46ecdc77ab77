package io.numicoin.protocol.address;

import java.util.Arrays;
import java.util.Optional;

/** The human-readable prefix that says which network an address string is for. */
public enum AddressHrp {
    MAINNET("numi"),
    TESTNET("tnumi"),
    REGTEST("rnumi");

    private final String prefix;

    AddressHrp(String prefix) {
        this.prefix = prefix;
    }

    /** The lower-case prefix written before the '1' separator. */
    public String prefix() {
        return prefix;
    }

    /** The network whose prefix is {@code prefix} (lower case), if any. */
    public static Optional<AddressHrp> ofPrefix(String prefix) {
        return Arrays.stream(values()).filter(hrp -> hrp.prefix.equals(prefix)).findFirst();
    }
}

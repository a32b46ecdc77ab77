package io.numicoin.miner.config;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.params.NetworkParams;

/** Checks {@code numi.miner.payout-address} at startup: a bech32m address of the configured network. */
public final class PayoutAddress {

    private PayoutAddress() {
    }

    /**
     * @throws IllegalStateException naming the setting, the value and the decode error
     */
    public static Address parse(String text, NetworkParams params) {
        try {
            return AddressFormat.decode(text.trim(), params.hrp());
        } catch (AddressDecodeException e) {
            throw new IllegalStateException("numi.miner.payout-address '" + text + "' is not a " + params.network()
                    + " address (bech32m, prefix '" + params.hrp().prefix() + "1'): " + e.getMessage(), e);
        }
    }
}

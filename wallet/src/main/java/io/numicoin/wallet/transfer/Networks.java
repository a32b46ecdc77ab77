package io.numicoin.wallet.transfer;

import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;

/** The network a transaction's chain id belongs to. */
public final class Networks {

    private Networks() {
    }

    public static NetworkParams ofChainId(int chainId) throws PartialTransferException {
        for (Network network : Network.values()) {
            NetworkParams params = NetworkParams.of(network);
            if (params.chainId() == chainId) {
                return params;
            }
        }
        throw new PartialTransferException(PartialTransferFailure.UNKNOWN_NETWORK,
                String.format("chain id 0x%08x is none of mainnet, testnet, regtest", chainId));
    }
}

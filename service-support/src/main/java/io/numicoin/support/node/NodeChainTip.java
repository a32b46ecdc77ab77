package io.numicoin.support.node;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.Network;
import java.math.BigInteger;

/** {@code GET /api/v1/chain} (docs/api.md): the node's network and its active tip. */
public record NodeChainTip(Network network, Hash256 tipId, long height, BigInteger cumulativeWork) {
}

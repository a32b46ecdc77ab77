package io.numicoin.protocol.params;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.pow.header.ProofOfWork;

/**
 * Run by hand, never by the build: mines the genesis nonce of each network from its hard-coded
 * parameters and prints the nonce and id to paste into {@link NetworkParams} and the golden test.
 */
final class GenesisMiner {

    private GenesisMiner() {
    }

    public static void main(String[] args) {
        for (Network network : Network.values()) {
            NetworkParams params = NetworkParams.of(network);
            Block genesis = params.genesis();
            BlockHeader mined = new ProofOfWork(params.pow()).mine(genesis.header(), 0, Long.MAX_VALUE, () -> false).orElseThrow();
            System.out.printf("%s nonce=%d%n%s %s %s%n", network.id(), mined.nonce(), network.id(), BlockHeaderCodec.id(mined),
                    java.util.HexFormat.of().formatHex(BlockHeaderCodec.encode(mined)));
        }
    }
}

package io.numicoin.pool.client;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A {@code mining.notify} as a miner reads it (docs/pool.md): enough to build the 128-byte header
 * for any extranonce2, ntime and nonce, independently of the pool's own code.
 */
public record StratumJob(String id, Hash256 previousId, Bytes coinb1, Bytes coinb2, List<Hash256> branch, int version,
        CompactTarget target, long ntime, boolean clean, long height, Hash256 stateCommitment) {

    public static StratumJob parse(JsonNode params) {
        if (!params.isArray() || params.size() != 11) {
            throw new IllegalArgumentException("mining.notify has 11 parameters, got " + params.size());
        }
        List<Hash256> branch = new ArrayList<>();
        for (JsonNode h : params.get(4)) {
            branch.add(Hash256.fromHex(h.asString()));
        }
        return new StratumJob(params.get(0).asString(), Hash256.fromHex(params.get(1).asString()), Bytes.fromHex(params.get(2).asString()),
                Bytes.fromHex(params.get(3).asString()), branch, (int) HexFormat.fromHexDigitsToLong(params.get(5).asString()),
                new CompactTarget((int) HexFormat.fromHexDigitsToLong(params.get(6).asString())),
                HexFormat.fromHexDigitsToLong(params.get(7).asString()), params.get(8).asBoolean(),
                HexFormat.fromHexDigitsToLong(params.get(9).asString()), Hash256.fromHex(params.get(10).asString()));
    }

    /** The encoded header for these extranonces, time and nonce. */
    public byte[] header(Bytes extranonce1, Bytes extranonce2, long time, long nonce) {
        Hash256 root = MerkleTree.leafOfEncoding(coinb1.concat(extranonce1).concat(extranonce2).concat(coinb2).toArray());
        for (Hash256 sibling : branch) {
            root = MerkleTree.node(root, sibling);
        }
        return BlockHeaderCodec.encode(new BlockHeader(version, height, previousId, root, stateCommitment, time, target, nonce));
    }
}

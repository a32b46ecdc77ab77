package io.numicoin.protocol.block;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import java.util.Objects;

/**
 * A block header: 128 bytes when encoded ({@code BlockHeaderCodec}). The block id is the
 * BLAKE3 ({@code numi/block}) of those bytes; proof of work is checked on them with Argon2id.
 *
 * @param timestamp seconds since the Unix epoch
 * @param stateCommitment the account state after this block ({@code StateCommitment})
 */
public record BlockHeader(
        int version,
        long height,
        Hash256 previousId,
        Hash256 merkleRoot,
        Hash256 stateCommitment,
        long timestamp,
        CompactTarget target,
        long nonce) {

    public static final int CURRENT_VERSION = 1;

    public BlockHeader {
        Objects.requireNonNull(previousId, "previousId");
        Objects.requireNonNull(merkleRoot, "merkleRoot");
        Objects.requireNonNull(stateCommitment, "stateCommitment");
        Objects.requireNonNull(target, "target");
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative: " + height);
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative: " + timestamp);
        }
    }

    public BlockHeader withNonce(long newNonce) {
        return new BlockHeader(version, height, previousId, merkleRoot, stateCommitment, timestamp, target, newNonce);
    }

    public BlockHeader withTimestamp(long newTimestamp) {
        return new BlockHeader(version, height, previousId, merkleRoot, stateCommitment, newTimestamp, target, nonce);
    }
}

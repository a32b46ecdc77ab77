package io.numicoin.pool.share;

import io.numicoin.pool.work.PoolJob;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import java.util.Optional;

/**
 * A checked share: the verdict, and for an accepted one the difficulty credited, its PoW hash, its
 * job, and the block it solves (if it does).
 */
public record ShareResult(ShareVerdict verdict, long difficulty, Optional<Hash256> powHash, Optional<PoolJob> job,
        Optional<Block> block) {

    public static ShareResult refused(ShareVerdict verdict) {
        return new ShareResult(verdict, 0, Optional.empty(), Optional.empty(), Optional.empty());
    }
}

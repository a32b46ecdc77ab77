package io.numicoin.pool.share;

import io.numicoin.miner.pow.PowHasher;
import io.numicoin.pool.work.JobBook;
import io.numicoin.pool.work.JobLookup;
import io.numicoin.pool.work.PoolJob;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.header.ProofOfWork;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks a share, cheapest first: the job (live, stale or unknown), ntime, duplicate, then one
 * Argon2id run against the share target and the block target. A block-solving share retires
 * every job on its parent at once (later shares on them are stale, not side-branch blocks). Thread-safe; each thread uses its
 * own hasher (an Argon2 memory per thread).
 */
public final class ShareValidator {

    private final JobBook jobs;
    private final Clock clock;
    private final long maxFutureSeconds;
    private final ThreadLocal<PowHasher> hashers;

    /**
     * @param maxFutureSeconds ntime may run ahead of the pool's clock by this much (below the
     *     protocol's 300 s, so the node takes the block)
     */
    public ShareValidator(JobBook jobs, Supplier<PowHasher> hashers, Clock clock, long maxFutureSeconds) {
        this.jobs = jobs;
        this.clock = clock;
        this.maxFutureSeconds = maxFutureSeconds;
        this.hashers = ThreadLocal.withInitial(hashers);
    }

    public ShareResult validate(ShareSubmission share) {
        PoolJob job;
        switch (jobs.lookup(share.jobId())) {
            case JobLookup.Live live -> job = live.job();
            case JobLookup.Stale stale -> {
                return ShareResult.refused(ShareVerdict.STALE);
            }
            case JobLookup.Unknown unknown -> {
                return ShareResult.refused(ShareVerdict.UNKNOWN_JOB);
            }
        }
        long now = clock.millis() / 1000;
        if (share.ntime() < job.template().timestamp() || share.ntime() > Math.max(now, job.template().timestamp()) + maxFutureSeconds) {
            return ShareResult.refused(ShareVerdict.BAD_TIME);
        }
        JobBook.ShareKey key = new JobBook.ShareKey(share.extranonce1().toHex(), share.extranonce2().toHex(), share.ntime(),
                share.nonce());
        if (!jobs.firstSeen(job, key)) {
            return ShareResult.refused(ShareVerdict.DUPLICATE);
        }
        byte[] coinbase = job.coinbase().assemble(share.extranonce1(), share.extranonce2());
        BlockHeader header = job.header(coinbase, share.ntime(), share.nonce());
        Hash256 pow = hashers.get().powHash(BlockHeaderCodec.encode(header));
        boolean block = ProofOfWork.meetsTarget(pow, header.target());
        long difficulty;
        if (Difficulty.meets(pow, share.difficulty())) {
            difficulty = share.difficulty();
        } else if (share.previousHolds(job.sequence()) && Difficulty.meets(pow, share.previousDifficulty())) {
            difficulty = share.previousDifficulty();
        } else if (block) {
            difficulty = Math.min(share.difficulty(), Difficulty.ofBlock(header.target()));
        } else {
            return ShareResult.refused(ShareVerdict.LOW_DIFFICULTY);
        }
        Optional<Block> solved = Optional.empty();
        if (block) {
            jobs.solved(job.parentId());
            solved = Optional.of(job.block(header, share.extranonce1(), share.extranonce2()));
        }
        return new ShareResult(block ? ShareVerdict.BLOCK : ShareVerdict.ACCEPTED, difficulty, Optional.of(pow), Optional.of(job),
                solved);
    }
}

package io.numicoin.pool.share;

import io.numicoin.protocol.bytes.Bytes;
import java.util.Objects;

/**
 * A parsed {@code mining.submit}: worker, job id, extranonce2, ntime and nonce, plus what the
 * session knows (its extranonce1, payout address, and the difficulty the job was sent at).
 */
public record ShareSubmission(String address, String worker, String jobId, Bytes extranonce1, Bytes extranonce2, long ntime,
        long nonce, long difficulty, long previousDifficulty, long difficultyChangedAtSequence) {

    public ShareSubmission {
        Objects.requireNonNull(extranonce1, "extranonce1");
        Objects.requireNonNull(extranonce2, "extranonce2");
    }

    /**
     * Whether the difficulty before the last change still holds for a share on job {@code sequence}:
     * jobs sent before the change may still be mined at it for a while.
     */
    public boolean previousHolds(long sequence) {
        return sequence <= difficultyChangedAtSequence;
    }
}

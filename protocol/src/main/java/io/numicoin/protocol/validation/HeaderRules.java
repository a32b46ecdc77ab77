package io.numicoin.protocol.validation;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.difficulty.DifficultyCheck;
import io.numicoin.protocol.difficulty.DifficultyRule;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.PowCheck;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.pow.header.ProofOfWork;
import io.numicoin.protocol.time.TimestampCheck;
import io.numicoin.protocol.time.TimestampRule;
import java.util.Optional;

/**
 * The rules a header must meet given the branch it extends, cheapest first: version, height,
 * parent link, timestamp (median time past, future limit), difficulty, and last the Argon2id
 * proof of work. Not thread-safe (it owns a {@link ProofOfWork} hasher); one per thread.
 */
public final class HeaderRules {

    private final DifficultyRule difficulty;
    private final TimestampRule timestamps;
    private final ProofOfWork proofOfWork;

    public HeaderRules(NetworkParams params) {
        this.difficulty = new DifficultyRule(params.difficulty().algorithm());
        this.timestamps = new TimestampRule(params.maxFutureSeconds());
        this.proofOfWork = new ProofOfWork(params.pow());
    }

    /** The Argon2id cost this network's proof of work is verified with. */
    public PowParams powParams() {
        return proofOfWork.params();
    }

    /** Argon2id runs these rules have spent on proofs of work (readable from any thread). */
    public long powChecks() {
        return proofOfWork.hashCount();
    }

    /**
     * Checks {@code header} as the child of {@code parentBranch.tip()}.
     *
     * @param nowSeconds this node's clock, for the future limit
     */
    public Optional<BlockRejection> check(BlockHeader header, HeaderChain parentBranch, long nowSeconds) {
        return check(header, parentBranch, nowSeconds, true);
    }

    /**
     * As {@link #check(BlockHeader, HeaderChain, long)}, skipping the proof of work when
     * {@code verifyWork} is false: for headers whose work the caller has just verified itself
     * (headers-first sync checks a batch's Argon2id in parallel before importing it in order).
     */
    public Optional<BlockRejection> check(BlockHeader header, HeaderChain parentBranch, long nowSeconds, boolean verifyWork) {
        BlockHeader parent = parentBranch.tip();
        if (header.version() != BlockHeader.CURRENT_VERSION) {
            return reject(BlockRejectReason.UNSUPPORTED_VERSION, "version " + header.version());
        }
        if (header.height() != parent.height() + 1) {
            return reject(BlockRejectReason.BAD_HEIGHT,
                    "height " + header.height() + ", parent is at " + parent.height());
        }
        if (!header.previousId().equals(BlockHeaderCodec.id(parent))) {
            throw new IllegalArgumentException("header " + BlockHeaderCodec.id(header) + " does not extend the branch it was checked against");
        }
        TimestampCheck time = timestamps.check(header, parentBranch, nowSeconds);
        if (!time.isValid()) {
            return switch (time.status()) {
                case TOO_FAR_IN_FUTURE -> reject(BlockRejectReason.TIMESTAMP_TOO_FAR_IN_FUTURE,
                        "timestamp " + time.timestamp() + " is after " + time.latestAllowed());
                default -> reject(BlockRejectReason.TIMESTAMP_NOT_AFTER_MEDIAN_TIME_PAST,
                        "timestamp " + time.timestamp() + " is not after median time past " + time.medianTimePast());
            };
        }
        DifficultyCheck target = difficulty.check(header, parentBranch);
        if (!target.isValid()) {
            return reject(BlockRejectReason.WRONG_DIFFICULTY,
                    "target " + target.actual() + ", required " + target.expected());
        }
        PowCheck pow = verifyWork ? proofOfWork.verify(header) : PowCheck.VALID;
        if (pow != PowCheck.VALID) {
            return reject(BlockRejectReason.INSUFFICIENT_PROOF_OF_WORK, "proof of work " + pow);
        }
        return Optional.empty();
    }

    private static Optional<BlockRejection> reject(BlockRejectReason reason, String detail) {
        return Optional.of(BlockRejection.of(reason, detail));
    }
}

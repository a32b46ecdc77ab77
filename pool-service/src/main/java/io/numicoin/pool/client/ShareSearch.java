package io.numicoin.pool.client;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.header.ProofOfWork;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Hashes nonces of one job until a hash passes a test (a share target, or the opposite for tests). One per thread. */
public final class ShareSearch {

    private static final BigInteger MAX_HASH = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private final ProofOfWork pow;
    private long hashes;

    public ShareSearch(ProofOfWork pow) {
        this.pow = pow;
    }

    /** The share target of a Stratum difficulty: {@code floor((2^256 - 1) / difficulty)}. */
    public static BigInteger target(double difficulty) {
        return MAX_HASH.divide(BigInteger.valueOf(Math.max(1, (long) difficulty)));
    }

    public static Predicate<Hash256> meets(double difficulty) {
        BigInteger target = target(difficulty);
        return h -> new BigInteger(1, h.toArray()).compareTo(target) <= 0;
    }

    /** The first nonce from {@code startNonce} whose hash passes {@code test}, unless {@code stop} says so first. */
    public Optional<FoundShare> search(StratumJob job, Bytes extranonce1, Bytes extranonce2, long startNonce, Predicate<Hash256> test,
            BooleanSupplier stop) {
        for (long nonce = startNonce; ; nonce++) {
            if ((nonce & 7) == 0 && stop.getAsBoolean()) {
                return Optional.empty();
            }
            Hash256 hash = pow.powHash(job.header(extranonce1, extranonce2, job.ntime(), nonce));
            hashes++;
            if (test.test(hash)) {
                return Optional.of(new FoundShare(job, extranonce2, job.ntime(), nonce, hash));
            }
        }
    }

    public long hashes() {
        return hashes;
    }
}

package io.numicoin.miner.pow;

import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.support.argon2.NativeArgon2;
import io.numicoin.protocol.hash.HashDomain;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.pow.header.ProofOfWork;

/**
 * The proof-of-work rule of {@link ProofOfWork} with libargon2 doing the Argon2id step: the same
 * salt (first 16 bytes of the block id), tag length and outer BLAKE3, so it gives the same hashes.
 * One instance per thread.
 */
public final class NativePowHasher implements PowHasher {

    private final NativeArgon2.Hasher argon2;
    private final byte[] salt = new byte[ProofOfWork.SALT_BYTES];
    private final byte[] tag = new byte[ProofOfWork.ARGON2_OUTPUT_BYTES];

    public NativePowHasher(NativeArgon2 library, PowParams params) {
        this.argon2 = library.hasher(params.memoryKiB(), params.iterations(), params.parallelism(),
                BlockHeaderCodec.SIZE, ProofOfWork.SALT_BYTES, ProofOfWork.ARGON2_OUTPUT_BYTES);
    }

    @Override
    public Hash256 powHash(byte[] headerBytes) {
        if (headerBytes.length != BlockHeaderCodec.SIZE) {
            throw new IllegalArgumentException("a header has " + BlockHeaderCodec.SIZE + " bytes, got " + headerBytes.length);
        }
        Blake3.hash(HashDomain.BLOCK, headerBytes).bytes().slice(0, ProofOfWork.SALT_BYTES).copyTo(salt, 0);
        argon2.hash(headerBytes, salt, tag);
        return Blake3.hash(HashDomain.POW, tag);
    }
}

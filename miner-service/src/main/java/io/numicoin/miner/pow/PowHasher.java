package io.numicoin.miner.pow;

import io.numicoin.protocol.hash.Hash256;

/**
 * Computes NumiCoin's proof-of-work hash of an encoded 128-byte header (the rule of
 * {@link io.numicoin.protocol.pow.header.ProofOfWork}): {@code BLAKE3(numi/pow, Argon2id(H, salt = id[0..16]))}.
 * Owns its Argon2 memory, so one instance per thread.
 */
public interface PowHasher {

    Hash256 powHash(byte[] headerBytes);
}

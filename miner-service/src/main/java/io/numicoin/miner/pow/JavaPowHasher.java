package io.numicoin.miner.pow;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.pow.header.ProofOfWork;

/** The protocol's pure-Java proof of work ({@link ProofOfWork}): one instance per thread. */
public final class JavaPowHasher implements PowHasher {

    private final ProofOfWork pow;

    public JavaPowHasher(PowParams params) {
        this.pow = new ProofOfWork(params);
    }

    @Override
    public Hash256 powHash(byte[] headerBytes) {
        return pow.powHash(headerBytes);
    }
}

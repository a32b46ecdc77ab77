package io.numicoin.pool.client;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;

/** A nonce a miner found for a job, and the submit parameters it turns into. */
public record FoundShare(StratumJob job, Bytes extranonce2, long ntime, long nonce, Hash256 powHash) {

    /** {@code mining.submit}'s parameters after the worker name. */
    public Object[] submitParams(String worker) {
        return new Object[] {worker, job.id(), extranonce2.toHex(), String.format("%016x", ntime), String.format("%016x", nonce)};
    }
}

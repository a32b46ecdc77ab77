package io.numicoin.protocol.hash;

import java.nio.charset.StandardCharsets;

/**
 * BLAKE3 derive-key contexts. Every hash in the protocol names its purpose, so a value hashed for
 * one purpose can never be mistaken for a hash made for another. Changing a context is a hard fork.
 */
public enum HashDomain {
    /** Block id: the hash of the 128-byte header. */
    BLOCK("numi/block"),
    /** Txid: the hash of a transaction's body without signatures. */
    TX("numi/tx"),
    /** Merkle leaf: the hash of one transaction's full encoding, signatures included. */
    MERKLE_LEAF("numi/merkle/leaf"),
    /** Merkle inner node: the hash of two child hashes. */
    MERKLE_NODE("numi/merkle/node"),
    /** Address: the hash of a spending policy's encoding. */
    ADDRESS("numi/address"),
    /** Proof of work: the hash of the Argon2id output. */
    POW("numi/pow"),
    /** Expands one state element (account, immature reward) to a MuHash3072 group element. */
    STATE_ELEMENT("numi/state/element"),
    /** State commitment: the hash of the finalised MuHash3072 accumulator. */
    STATE_COMMITMENT("numi/state/commitment");

    private final String context;

    HashDomain(String context) {
        this.context = context;
    }

    public String context() {
        return context;
    }

    byte[] contextBytes() {
        return context.getBytes(StandardCharsets.US_ASCII);
    }
}

package io.numicoin.protocol.merkle;

import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.hash.HashDomain;
import io.numicoin.protocol.tx.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The merkle root a block header commits to. A leaf is BLAKE3 ({@code numi/merkle/leaf}) of a
 * transaction's full encoding, signatures included; an inner node is BLAKE3
 * ({@code numi/merkle/node}) of left || right. Each level pairs neighbours from the left; an odd
 * node at the end of a level is promoted unchanged, never paired with itself, so short of a hash
 * collision no two different transaction lists share a root (Bitcoin's duplication gave
 * {@code [a,b,c]} and {@code [a,b,c,c]} the same root, CVE-2012-2459). The tree has the shape of RFC 6962's: the left
 * subtree of every node is the largest complete tree that fits. The root of no transactions is
 * {@link Hash256#ZERO}.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    public static Hash256 root(List<? extends Transaction> transactions) {
        List<byte[]> encodings = new ArrayList<>(transactions.size());
        for (Transaction tx : transactions) {
            encodings.add(TransactionCodec.encode(tx));
        }
        return rootOfLeaves(leavesOfEncodings(encodings));
    }

    /** The leaf hash of one transaction; callers may hash leaves in parallel and pass them to {@link #rootOfLeaves}. */
    public static Hash256 leaf(Transaction tx) {
        return leafOfEncoding(TransactionCodec.encode(tx));
    }

    /** The leaf of a transaction whose full encoding the caller already has. */
    public static Hash256 leafOfEncoding(byte[] encodedTransaction) {
        return Blake3.hash(HashDomain.MERKLE_LEAF, encodedTransaction);
    }

    /**
     * The leaves of transactions whose full encodings the caller has, in order: the same as
     * {@link #leafOfEncoding} of each, hashed together ({@link Blake3#hashEach}: a block's
     * transactions' chunks side by side in vector lanes where the JVM allows).
     */
    public static List<Hash256> leavesOfEncodings(List<byte[]> encodedTransactions) {
        return Blake3.hashEach(HashDomain.MERKLE_LEAF, encodedTransactions);
    }

    public static Hash256 node(Hash256 left, Hash256 right) {
        return Blake3.hash(HashDomain.MERKLE_NODE, left.toArray(), right.toArray());
    }

    /** The root over already computed leaf hashes, in block order. */
    public static Hash256 rootOfLeaves(List<Hash256> leaves) {
        if (leaves.isEmpty()) {
            return Hash256.ZERO;
        }
        List<Hash256> level = leaves;
        while (level.size() > 1) {
            List<Hash256> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(node(level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.getLast());
            }
            level = next;
        }
        return level.getFirst();
    }
}

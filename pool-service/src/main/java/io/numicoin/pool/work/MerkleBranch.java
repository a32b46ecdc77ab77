package io.numicoin.pool.work;

import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.List;

/**
 * The hashes a miner folds its coinbase leaf with to get the merkle root: in NumiCoin's tree the
 * coinbase is leaf 0, which is always paired with its right neighbour while its level has one
 * ({@link MerkleTree} promotes only an odd last node), so root = node(...node(node(leaf, b0), b1)..., bk).
 */
public record MerkleBranch(List<Hash256> hashes) {

    public MerkleBranch {
        hashes = List.copyOf(hashes);
    }

    /** The branch of leaf 0 given every leaf in block order (the coinbase's own leaf is ignored). */
    public static MerkleBranch ofLeaves(List<Hash256> leaves) {
        List<Hash256> branch = new ArrayList<>();
        List<Hash256> level = leaves;
        while (level.size() > 1) {
            branch.add(level.get(1));
            List<Hash256> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(MerkleTree.node(level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.getLast());
            }
            level = next;
        }
        return new MerkleBranch(branch);
    }

    /** The root for a coinbase whose leaf hash is {@code coinbaseLeaf}. */
    public Hash256 root(Hash256 coinbaseLeaf) {
        Hash256 acc = coinbaseLeaf;
        for (Hash256 sibling : hashes) {
            acc = MerkleTree.node(acc, sibling);
        }
        return acc;
    }
}

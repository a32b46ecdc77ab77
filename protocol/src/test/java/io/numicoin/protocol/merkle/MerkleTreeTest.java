package io.numicoin.protocol.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.hash.HashDomain;
import io.numicoin.protocol.testing.GoldenFixtures;
import io.numicoin.protocol.testing.RandomProtocolValues;
import io.numicoin.protocol.tx.Transaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static Hash256 h(int seed) {
        return GoldenFixtures.hash(seed);
    }

    private static Hash256 n(Hash256 left, Hash256 right) {
        return Blake3.hash(HashDomain.MERKLE_NODE, left.toArray(), right.toArray());
    }

    /** RFC 6962's recursive definition over leaf hashes: left part is the largest power of two below n. */
    private static Hash256 rfc6962(List<Hash256> leaves) {
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return n(rfc6962(leaves.subList(0, k)), rfc6962(leaves.subList(k, leaves.size())));
    }

    @Test
    void emptyListHasTheZeroRoot() {
        assertThat(MerkleTree.root(List.of())).isEqualTo(Hash256.ZERO);
        assertThat(MerkleTree.rootOfLeaves(List.of())).isEqualTo(Hash256.ZERO);
    }

    @Test
    void leafHashesTheFullEncodingIncludingSignatures() {
        Transaction tx = GoldenFixtures.twoOfThreeTransfer(42);
        assertThat(MerkleTree.leaf(tx)).isEqualTo(Blake3.hash(HashDomain.MERKLE_LEAF, TransactionCodec.encode(tx)));
        assertThat(MerkleTree.root(List.of(tx))).isEqualTo(MerkleTree.leaf(tx));
        Transaction resigned = GoldenFixtures.twoOfThreeTransfer(42).withSignatures(List.of());
        assertThat(MerkleTree.root(List.of(resigned))).isNotEqualTo(MerkleTree.root(List.of(tx)));
    }

    @Test
    void aBlocksLeavesHashedTogetherAreEachTransactionsLeaf() {
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            txs.add(GoldenFixtures.twoOfThreeTransfer(i + 1));  // over 12 KB each: a dozen chunks before the last
        }
        List<byte[]> encodings = txs.stream().map(TransactionCodec::encode).toList();
        List<Hash256> one = txs.stream().map(MerkleTree::leaf).toList();

        assertThat(MerkleTree.leavesOfEncodings(encodings)).isEqualTo(one);
        assertThat(MerkleTree.root(txs)).isEqualTo(MerkleTree.rootOfLeaves(one));
    }

    @Test
    void oddNodesArePromotedUnchanged() {
        Hash256 a = h(1);
        Hash256 b = h(2);
        Hash256 c = h(3);
        Hash256 d = h(4);
        Hash256 e = h(5);
        assertThat(MerkleTree.rootOfLeaves(List.of(a, b))).isEqualTo(n(a, b));
        assertThat(MerkleTree.rootOfLeaves(List.of(a, b, c))).isEqualTo(n(n(a, b), c));
        assertThat(MerkleTree.rootOfLeaves(List.of(a, b, c, d, e))).isEqualTo(n(n(n(a, b), n(c, d)), e));
    }

    @Test
    void duplicatingTheLastLeafChangesTheRoot() {
        List<Hash256> three = List.of(h(1), h(2), h(3));
        List<Hash256> four = List.of(h(1), h(2), h(3), h(3));
        assertThat(MerkleTree.rootOfLeaves(three)).isNotEqualTo(MerkleTree.rootOfLeaves(four));
    }

    @Test
    void shapeIsRfc6962s() {
        List<Hash256> leaves = new ArrayList<>();
        for (int size = 1; size <= 40; size++) {
            leaves.add(h(size));
            assertThat(MerkleTree.rootOfLeaves(leaves)).as("%d leaves", size).isEqualTo(rfc6962(leaves));
        }
    }

    @Test
    void rootOfTransactionsIsRootOfTheirLeaves() {
        RandomProtocolValues values = new RandomProtocolValues(7);
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            txs.add(values.transaction());
        }
        assertThat(MerkleTree.root(txs)).isEqualTo(MerkleTree.rootOfLeaves(txs.stream().map(MerkleTree::leaf).toList()));
    }
}

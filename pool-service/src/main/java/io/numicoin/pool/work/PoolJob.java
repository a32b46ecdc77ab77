package io.numicoin.pool.work;

import io.numicoin.miner.mining.Work;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Stratum job: a block assembled by the miner's work builder (coinbase to the pool's key,
 * state commitment from the node), cut into coinbase parts and a merkle branch.
 *
 * @param id the job id sent in {@code mining.notify} (hex of {@code sequence})
 * @param sequence increases with every job the pool makes
 * @param clean true when it is the first job on a new tip (older jobs are then stale)
 */
public record PoolJob(String id, long sequence, Work work, CoinbaseParts coinbase, MerkleBranch branch, boolean clean) {

    public PoolJob {
        Objects.requireNonNull(work, "work");
    }

    public static PoolJob of(long sequence, Work work, boolean clean) {
        List<Transaction> txs = work.block().transactions();
        List<Hash256> leaves = new ArrayList<>(txs.size());
        leaves.add(Hash256.ZERO); // the coinbase's place: not part of the branch
        for (int i = 1; i < txs.size(); i++) {
            leaves.add(MerkleTree.leaf(txs.get(i)));
        }
        return new PoolJob(Long.toHexString(sequence), sequence, work, CoinbaseParts.split(work.block().coinbase()),
                MerkleBranch.ofLeaves(leaves), clean);
    }

    public BlockHeader template() {
        return work.block().header();
    }

    public Hash256 parentId() {
        return work.parentId();
    }

    public long height() {
        return work.height();
    }

    /** The header a miner hashed: this job's fields with its coinbase's merkle root, time and nonce. */
    public BlockHeader header(byte[] coinbaseBytes, long ntime, long nonce) {
        Hash256 root = branch.root(MerkleTree.leafOfEncoding(coinbaseBytes));
        BlockHeader t = template();
        return new BlockHeader(t.version(), t.height(), t.previousId(), root, t.stateCommitment(), ntime, t.target(), nonce);
    }

    /** The full block for a solving header: the miner's coinbase and this job's transfers. */
    public Block block(BlockHeader header, Bytes extranonce1, Bytes extranonce2) {
        CoinbaseTx cb = coinbase.coinbase(extranonce1, extranonce2);
        List<Transaction> txs = new ArrayList<>(work.block().transactions());
        txs.set(0, cb);
        return new Block(header, txs);
    }
}

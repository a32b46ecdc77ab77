package io.numicoin.miner.assembly;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.time.MedianTimePast;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the block to mine on a template: a coinbase paying subsidy(height) + the template's fees to
 * the payout address, then the template's transfers; the merkle root over all of them; the target
 * from the network's difficulty algorithm over the parent branch; the timestamp
 * {@code max(now, median-time-past + 1)}; and the state commitment after the block. Nonce 0.
 */
public final class BlockAssembler {

    private final NetworkParams params;
    private final Address payout;
    private final StateCommitmentSource commitments;

    public BlockAssembler(NetworkParams params, Address payout, StateCommitmentSource commitments) {
        this.params = Objects.requireNonNull(params, "params");
        this.payout = Objects.requireNonNull(payout, "payout");
        this.commitments = Objects.requireNonNull(commitments, "commitments");
    }

    /**
     * @param parentChain the branch ending at the template's tip (its {@code tip()} is the parent)
     * @param nowSeconds the miner's clock, Unix seconds
     * @throws IllegalArgumentException if the chain's tip is not the template's tip
     */
    public Block assemble(BlockTemplate template, HeaderChain parentChain, long nowSeconds) {
        BlockHeader parent = parentChain.tip();
        Hash256 parentId = BlockHeaderCodec.id(parent);
        if (!parentId.equals(template.tipId()) || parent.height() != template.tipHeight()) {
            throw new IllegalArgumentException("template is on " + template.tipId() + " at " + template.tipHeight()
                    + ", the header chain ends at " + parentId + " at " + parent.height());
        }
        long height = template.height();
        Amount reward = params.subsidy().subsidyAt(height).plus(template.fees());
        List<Transaction> txs = new ArrayList<>(template.transactions().size() + 1);
        txs.add(new CoinbaseTx(params.chainId(), height, payout, reward, Bytes.EMPTY));
        txs.addAll(template.transactions());
        CompactTarget target = params.difficulty().algorithm().nextTarget(parentChain);
        long timestamp = Math.max(nowSeconds, MedianTimePast.of(parentChain) + 1);
        BlockHeader unsealed = new BlockHeader(BlockHeader.CURRENT_VERSION, height, parentId, MerkleTree.root(txs),
                Hash256.ZERO, timestamp, target, 0L);
        Hash256 commitment = commitments.commitmentAfter(new Block(unsealed, txs));
        BlockHeader header = new BlockHeader(BlockHeader.CURRENT_VERSION, height, parentId, MerkleTree.root(txs),
                commitment, timestamp, target, 0L);
        return new Block(header, txs);
    }
}

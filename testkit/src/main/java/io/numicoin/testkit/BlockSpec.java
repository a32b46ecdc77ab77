package io.numicoin.testkit;

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
import io.numicoin.protocol.pow.header.ProofOfWork;
import io.numicoin.protocol.state.InMemoryAccountState;
import io.numicoin.protocol.state.StateTransition;
import io.numicoin.protocol.state.TransitionResult;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.util.ArrayList;
import java.util.List;

/**
 * One block being built by a {@link ChainBuilder}: by default a valid, mined child of its parent
 * with a correct coinbase and state commitment; each setter breaks or bends exactly one thing.
 */
public final class BlockSpec {

    private final ChainBuilder builder;
    private final Block parent;
    private Address coinbaseRecipient = TestKeys.address(0);
    private final List<Transaction> transfers = new ArrayList<>();
    private Long coinbaseUnits;
    private long coinbaseExtraUnits;
    private Long timestamp;
    private CompactTarget target;
    private Hash256 stateCommitment;
    private List<Transaction> rawTransactions;
    private boolean validProofOfWork = true;
    private Bytes coinbaseMemo = Bytes.EMPTY;

    BlockSpec(ChainBuilder builder, Block parent) {
        this.builder = builder;
        this.parent = parent;
    }

    public BlockSpec coinbaseTo(Address recipient) {
        this.coinbaseRecipient = recipient;
        return this;
    }

    /** A memo on the coinbase: makes otherwise identical sibling blocks differ. */
    public BlockSpec coinbaseMemo(String memo) {
        this.coinbaseMemo = Bytes.of(memo.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    public BlockSpec transfers(TransferTx... txs) {
        transfers.addAll(List.of(txs));
        return this;
    }

    public BlockSpec transfers(List<? extends Transaction> txs) {
        transfers.addAll(txs);
        return this;
    }

    /** Pays the coinbase this many units more than subsidy + fees. */
    public BlockSpec coinbaseOverpaying(long extraUnits) {
        this.coinbaseExtraUnits = extraUnits;
        return this;
    }

    public BlockSpec coinbaseUnits(long units) {
        this.coinbaseUnits = units;
        return this;
    }

    public BlockSpec timestamp(long seconds) {
        this.timestamp = seconds;
        return this;
    }

    public BlockSpec target(CompactTarget compactTarget) {
        this.target = compactTarget;
        return this;
    }

    public BlockSpec stateCommitment(Hash256 commitment) {
        this.stateCommitment = commitment;
        return this;
    }

    /** Uses exactly these transactions (no coinbase is added). */
    public BlockSpec rawTransactions(List<Transaction> txs) {
        this.rawTransactions = List.copyOf(txs);
        return this;
    }

    /** Picks a nonce whose proof-of-work hash is above the target. */
    public BlockSpec withoutProofOfWork() {
        this.validProofOfWork = false;
        return this;
    }

    public Block build() {
        NetworkParams params = builder.params();
        Hash256 parentId = BlockHeaderCodec.id(parent.header());
        long height = parent.height() + 1;
        long fees = 0;
        for (Transaction tx : transfers) {
            if (tx instanceof TransferTx transfer) {
                fees += transfer.fee().units();
            }
        }
        long paid = coinbaseUnits != null ? coinbaseUnits
                : params.subsidy().subsidyAt(height).units() + fees + coinbaseExtraUnits;
        List<Transaction> txs = new ArrayList<>();
        if (rawTransactions != null) {
            txs.addAll(rawTransactions);
        } else {
            txs.add(new CoinbaseTx(params.chainId(), height, coinbaseRecipient, Amount.ofUnits(paid), coinbaseMemo));
            txs.addAll(transfers);
        }
        HeaderChain branch = builder.branch(parent);
        long time = timestamp != null ? timestamp : parent.header().timestamp() + params.difficulty().targetSpacingSeconds();
        CompactTarget required = target != null ? target : params.difficulty().algorithm().nextTarget(branch);
        BlockHeader header = new BlockHeader(BlockHeader.CURRENT_VERSION, height, parentId, MerkleTree.root(txs),
                Hash256.ZERO, time, required, 0);
        InMemoryAccountState parentState = builder.state(parentId);
        InMemoryAccountState after = parentState.copy();
        Hash256 commitment = parent.header().stateCommitment();
        if (StateTransition.apply(parentState, new Block(header, txs), params.subsidy()) instanceof TransitionResult.Applied applied) {
            commitment = applied.newCommitment();
            after.apply(applied.diff());
        }
        header = new BlockHeader(header.version(), height, parentId, header.merkleRoot(),
                stateCommitment != null ? stateCommitment : commitment, time, required, 0);
        Block block = new Block(mine(params, header), txs);
        builder.record(block, after);
        return block;
    }

    private BlockHeader mine(NetworkParams params, BlockHeader header) {
        ProofOfWork pow = new ProofOfWork(params.pow());
        if (validProofOfWork) {
            return pow.mine(header, 0, Long.MAX_VALUE, () -> false)
                    .orElseThrow(() -> new IllegalStateException("no nonce found"));
        }
        for (long nonce = 0; ; nonce++) {
            BlockHeader candidate = header.withNonce(nonce);
            if (!ProofOfWork.meetsTarget(pow.powHash(BlockHeaderCodec.encode(candidate)), candidate.target())) {
                return candidate;
            }
        }
    }
}

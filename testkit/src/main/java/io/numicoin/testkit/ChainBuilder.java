package io.numicoin.testkit;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.PolicySigner;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.InMemoryAccountState;
import io.numicoin.protocol.tx.TransferTx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds chains of real, mined, fully valid blocks (regtest by default) — and, on request,
 * blocks that break one rule — keeping the account state after every block it made so that
 * children on any branch get correct coinbases and state commitments. Not thread-safe.
 */
public final class ChainBuilder {

    private final NetworkParams params;
    /** Headers only, so a long chain of large blocks does not stay in memory. */
    private final Map<Hash256, BlockHeader> headers = new HashMap<>();
    private final Map<Hash256, InMemoryAccountState> states = new HashMap<>();
    private final PolicySigner signer = new PolicySigner(TestKeys.provider());

    public ChainBuilder(NetworkParams params) {
        this.params = params;
        Block genesis = params.genesis();
        headers.put(params.genesisId(), genesis.header());
        states.put(params.genesisId(), InMemoryAccountState.empty());
    }

    public static ChainBuilder regtest() {
        return new ChainBuilder(NetworkParams.regtest());
    }

    public NetworkParams params() {
        return params;
    }

    public Block genesis() {
        return params.genesis();
    }

    /** Starts a block on top of {@code parent} (which this builder made, or genesis). */
    public BlockSpec child(Block parent) {
        return new BlockSpec(this, parent);
    }

    /** {@code count} blocks on top of {@code parent}, each paying its coinbase to {@code minerKey}. */
    public List<Block> extend(Block parent, int count, int minerKey) {
        List<Block> out = new ArrayList<>(count);
        Block tip = parent;
        for (int i = 0; i < count; i++) {
            tip = child(tip).coinbaseTo(TestKeys.address(minerKey)).build();
            out.add(tip);
        }
        return out;
    }

    /** A copy of the account state after {@code block} (for invalid blocks: after its parent). */
    public InMemoryAccountState stateAfter(Block block) {
        InMemoryAccountState state = states.get(BlockHeaderCodec.id(block.header()));
        if (state == null) {
            throw new IllegalArgumentException("block " + BlockHeaderCodec.id(block.header()) + " was not built here");
        }
        return state.copy();
    }

    /** A signed transfer from key {@code fromKey}'s single-key account. */
    public TransferTx transfer(int fromKey, Address to, long amountUnits, long feeUnits, long nonce) {
        return transfer(fromKey, to, amountUnits, feeUnits, nonce, 0);
    }

    public TransferTx transfer(int fromKey, Address to, long amountUnits, long feeUnits, long nonce, long expiryHeight) {
        MlDsaKeyPair key = TestKeys.key(fromKey);
        SpendingPolicy policy = TestKeys.policy(fromKey);
        TransferTx unsigned = new TransferTx(params.chainId(), TestKeys.address(fromKey), nonce, to,
                Amount.ofUnits(amountUnits), Amount.ofUnits(feeUnits), expiryHeight, Bytes.EMPTY, policy, List.of());
        Hash256 txid = TransactionCodec.txid(unsigned);
        return unsigned.withSignatures(List.of(signer.signOne(policy, 0, key.privateKey(), txid)));
    }

    /** A signed transfer from an m-of-n policy, signed by the keys at {@code signingIndexes}. */
    public TransferTx multisigTransfer(SpendingPolicy policy, Map<Integer, MlDsaKeyPair> signers, Address to,
            long amountUnits, long feeUnits, long nonce) {
        TransferTx unsigned = new TransferTx(params.chainId(), io.numicoin.protocol.codec.SpendingPolicyCodec.address(policy),
                nonce, to, Amount.ofUnits(amountUnits), Amount.ofUnits(feeUnits), 0, Bytes.EMPTY, policy, List.of());
        Map<Integer, io.numicoin.protocol.crypto.MlDsaPrivateKey> keys = new HashMap<>();
        signers.forEach((index, pair) -> keys.put(index, pair.privateKey()));
        return unsigned.withSignatures(signer.sign(policy, keys, TransactionCodec.txid(unsigned)));
    }

    /** The branch ending at {@code tip}, for difficulty and time rules. */
    HeaderChain branch(Block tip) {
        List<BlockHeader> branch = new ArrayList<>();
        BlockHeader cursor = tip.header();
        while (true) {
            branch.add(cursor);
            if (cursor.height() == 0) {
                break;
            }
            cursor = headers.get(cursor.previousId());
            if (cursor == null) {
                throw new IllegalArgumentException("block " + BlockHeaderCodec.id(tip.header()) + " has an ancestor not built here");
            }
        }
        List<BlockHeader> ascending = branch.reversed();
        return new HeaderChain() {
            @Override
            public BlockHeader tip() {
                return ascending.getLast();
            }

            @Override
            public BlockHeader atHeight(long height) {
                if (height < 0 || height >= ascending.size()) {
                    throw new IllegalArgumentException("height " + height + " not on branch");
                }
                return ascending.get((int) height);
            }
        };
    }

    InMemoryAccountState state(Hash256 id) {
        return states.get(id);
    }

    void record(Block block, InMemoryAccountState stateAfter) {
        Hash256 id = BlockHeaderCodec.id(block.header());
        headers.put(id, block.header());
        states.put(id, stateAfter);
    }
}

package io.numicoin.protocol.params;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds a network's genesis block from its hard-coded parameters. The genesis coinbase pays
 * nothing (to the all-zero address, which no policy hashes to), so the state after genesis is
 * the empty state. Genesis is never validated against a parent; its proof of work is real and
 * checked by tests.
 */
public final class GenesisBlocks {

    /** The message every genesis coinbase carries. */
    public static final String MESSAGE = "NumiCoin genesis 2026-11-25: post-quantum money, memory-hard work";

    private GenesisBlocks() {
    }

    public static Block create(int chainId, long timestamp, CompactTarget target, long nonce) {
        CoinbaseTx coinbase = new CoinbaseTx(chainId, 0, new Address(Hash256.ZERO), Amount.ZERO,
                Bytes.of(MESSAGE.getBytes(StandardCharsets.US_ASCII)));
        List<Transaction> transactions = List.of(coinbase);
        BlockHeader header = new BlockHeader(BlockHeader.CURRENT_VERSION, 0, Hash256.ZERO,
                MerkleTree.root(transactions), StateCommitment.EMPTY, timestamp, target, nonce);
        return new Block(header, transactions);
    }
}

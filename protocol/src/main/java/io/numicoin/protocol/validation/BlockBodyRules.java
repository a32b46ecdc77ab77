package io.numicoin.protocol.validation;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.MerkleTree;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The rules a block body must meet whatever the account state: transaction count and size,
 * coinbase placement and height, the merkle root, and every transfer's stateless rules
 * ({@link TransactionRules}) — signatures verified in parallel on the given executor.
 * Thread-safe when the executor is.
 */
public final class BlockBodyRules {

    /** Header (128) and transaction count (4). */
    private static final int BLOCK_OVERHEAD = BlockHeaderCodec.SIZE + 4;

    private final TransactionRules transactionRules;
    private final Executor executor;
    private final int parallelism;

    /**
     * @param parallelism how many chunks to split a block's transactions into (1 = verify on the calling thread)
     */
    public BlockBodyRules(TransactionRules transactionRules, Executor executor, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.transactionRules = transactionRules;
        this.executor = executor;
        this.parallelism = parallelism;
    }

    /**
     * {@link #check} with its verdict kept alongside the block, for an importer to take later, and
     * the txids the check computed (for a valid body).
     */
    public CheckedBody checked(Block block) {
        List<Hash256> txids = new ArrayList<>();
        Optional<BlockRejection> rejection = check(block, txids);
        return new CheckedBody(block, rejection, rejection.isPresent() ? List.of() : txids, this);
    }

    public Optional<BlockRejection> check(Block block) {
        return check(block, new ArrayList<>());
    }

    /** Checks the body; adds every transaction's txid, in block order, to {@code txids} once they are known. */
    private Optional<BlockRejection> check(Block block, List<Hash256> txids) {
        List<Transaction> txs = block.transactions();
        if (txs.isEmpty()) {
            return reject(BlockRejectReason.NO_TRANSACTIONS, -1, "a block needs at least its coinbase");
        }
        if (txs.size() > ProtocolLimits.MAX_BLOCK_TRANSACTIONS) {
            return reject(BlockRejectReason.TOO_MANY_TRANSACTIONS, -1,
                    txs.size() + " transactions, at most " + ProtocolLimits.MAX_BLOCK_TRANSACTIONS);
        }
        List<TxFacts> facts = examineAll(txs);
        List<Hash256> leaves = new ArrayList<>(facts.size());
        long size = BLOCK_OVERHEAD;
        for (TxFacts fact : facts) {
            leaves.add(fact.leaf());
            txids.add(fact.txid());
            size += fact.size();
        }
        if (!MerkleTree.rootOfLeaves(leaves).equals(block.header().merkleRoot())) {
            return reject(BlockRejectReason.MERKLE_ROOT_MISMATCH, -1, "transactions do not match the header's merkle root");
        }
        if (size > ProtocolLimits.MAX_BLOCK_BYTES) {
            return reject(BlockRejectReason.BLOCK_TOO_LARGE, -1, size + " bytes, at most " + ProtocolLimits.MAX_BLOCK_BYTES);
        }
        if (!(txs.getFirst() instanceof CoinbaseTx coinbase)) {
            return reject(BlockRejectReason.COINBASE_MISSING, 0, "the first transaction is not a coinbase");
        }
        if (coinbase.chainId() != transactionRules.chainId()) {
            return reject(BlockRejectReason.WRONG_CHAIN_ID, 0, String.format("coinbase chain id 0x%08x", coinbase.chainId()));
        }
        if (coinbase.height() != block.height()) {
            return reject(BlockRejectReason.COINBASE_HEIGHT_MISMATCH, 0,
                    "coinbase height " + coinbase.height() + " in block " + block.height());
        }
        for (int i = 1; i < txs.size(); i++) {
            if (txs.get(i) instanceof CoinbaseTx) {
                return reject(BlockRejectReason.COINBASE_NOT_FIRST, i, "only the first transaction may be a coinbase");
            }
            TxCheck check = facts.get(i).check();
            if (!check.isValid()) {
                return reject(reasonFor(check.reason()), i, check.detail());
            }
        }
        return Optional.empty();
    }

    private List<TxFacts> examineAll(List<Transaction> txs) {
        int chunks = Math.min(parallelism, txs.size());
        if (chunks == 1) {
            return examine(txs, 0, txs.size());
        }
        List<CompletableFuture<List<TxFacts>>> parts = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) txs.size() * c / chunks);
            int to = (int) ((long) txs.size() * (c + 1) / chunks);
            parts.add(CompletableFuture.supplyAsync(() -> examine(txs, from, to), executor));
        }
        List<TxFacts> all = new ArrayList<>(txs.size());
        for (CompletableFuture<List<TxFacts>> part : parts) {
            all.addAll(part.join());
        }
        return all;
    }

    private List<TxFacts> examine(List<Transaction> txs, int from, int to) {
        List<TxFacts> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Transaction tx = txs.get(i);
            byte[] encoded = TransactionCodec.encode(tx);
            Hash256 leaf = MerkleTree.leafOfEncoding(encoded);
            Hash256 txid = TransactionCodec.txidOfEncoding(tx, encoded);
            TxCheck check = tx instanceof TransferTx transfer
                    ? transactionRules.check(transfer, txid, encoded.length)
                    : TxCheck.VALID;
            out.add(new TxFacts(encoded.length, leaf, txid, check));
        }
        return out;
    }

    private static BlockRejectReason reasonFor(TxRejectReason reason) {
        return switch (reason) {
            case WRONG_CHAIN_ID -> BlockRejectReason.WRONG_CHAIN_ID;
            case TOO_LARGE -> BlockRejectReason.TRANSACTION_TOO_LARGE;
            case ZERO_FEE -> BlockRejectReason.ZERO_FEE;
            case SENDER_POLICY_MISMATCH -> BlockRejectReason.SENDER_POLICY_MISMATCH;
            case WRONG_SIGNATURE_COUNT, KEY_INDEX_NOT_ASCENDING, KEY_INDEX_OUT_OF_RANGE, BAD_SIGNATURE ->
                    BlockRejectReason.BAD_SIGNATURE;
            case COINBASE_NOT_ALLOWED -> BlockRejectReason.COINBASE_NOT_FIRST;
        };
    }

    private static Optional<BlockRejection> reject(BlockRejectReason reason, int txIndex, String detail) {
        return Optional.of(new BlockRejection(reason, txIndex, detail));
    }

    private record TxFacts(int size, Hash256 leaf, Hash256 txid, TxCheck check) {
    }
}

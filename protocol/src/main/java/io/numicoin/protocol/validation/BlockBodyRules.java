package io.numicoin.protocol.validation;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.merkle.MerkleTree;
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
import java.util.concurrent.atomic.LongAdder;

/**
 * The rules a block body must meet whatever the account state: transaction count and size, the
 * merkle root, coinbase placement and height, and every transfer's stateless rules
 * ({@link TransactionRules}) — signatures verified in parallel on the given executor. The cheap
 * checks come first: a body that does not match its header's merkle root (a mutated or corrupted
 * block anyone can make from an honest header) costs hashing only, never a signature check.
 * A transfer that passed the transaction rules alone before ({@link TransactionRules#passedBefore}:
 * the same bytes, by merkle leaf) is not checked again.
 * Thread-safe when the executor is.
 */
public final class BlockBodyRules {

    /** Header (128) and transaction count (4). */
    private static final int BLOCK_OVERHEAD = BlockHeaderCodec.SIZE + 4;

    private final TransactionRules transactionRules;
    private final Executor executor;
    private final int parallelism;
    private final LongAdder transfersVerified = new LongAdder();
    private final LongAdder transfersPassedBefore = new LongAdder();

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

    /**
     * The body's commitment to its header, hashing only: it holds between one transaction and the
     * most a block may, matches the header's merkle root and fits the block size limit. What a
     * relay checks before forwarding a block whose header it has checked (the rest of the body,
     * signatures included, is checked on import); empty when it holds.
     */
    public static Optional<BlockRejection> checkCommitment(Block block) {
        return checkCommitment(block, encodeWithinCount(block.transactions()));
    }

    /** {@link #checkCommitment(Block)} with the transactions' encodings computed (none when the count is out of bounds). */
    private static Optional<BlockRejection> checkCommitment(Block block, List<Encoded> encoded) {
        List<Transaction> txs = block.transactions();
        if (txs.isEmpty()) {
            return reject(BlockRejectReason.NO_TRANSACTIONS, -1, "a block needs at least its coinbase");
        }
        if (txs.size() > ProtocolLimits.MAX_BLOCK_TRANSACTIONS) {
            return reject(BlockRejectReason.TOO_MANY_TRANSACTIONS, -1,
                    txs.size() + " transactions, at most " + ProtocolLimits.MAX_BLOCK_TRANSACTIONS);
        }
        List<Hash256> leaves = new ArrayList<>(encoded.size());
        long size = BLOCK_OVERHEAD;
        for (Encoded tx : encoded) {
            leaves.add(tx.leaf());
            size += tx.bytes().length;
        }
        if (!MerkleTree.rootOfLeaves(leaves).equals(block.header().merkleRoot())) {
            return reject(BlockRejectReason.MERKLE_ROOT_MISMATCH, -1, "transactions do not match the header's merkle root");
        }
        if (size > ProtocolLimits.MAX_BLOCK_BYTES) {
            return reject(BlockRejectReason.BLOCK_TOO_LARGE, -1, size + " bytes, at most " + ProtocolLimits.MAX_BLOCK_BYTES);
        }
        return Optional.empty();
    }

    /** Checks the body; adds every transaction's txid, in block order, to {@code txids} once they are known. */
    private Optional<BlockRejection> check(Block block, List<Hash256> txids) {
        List<Transaction> txs = block.transactions();
        List<Encoded> encoded = encodeWithinCount(txs);
        Optional<BlockRejection> commitment = checkCommitment(block, encoded);
        if (commitment.isPresent()) {
            return commitment;
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
        }
        List<TxFacts> facts = examineAll(txs, encoded);
        for (TxFacts fact : facts) {
            txids.add(fact.txid());
        }
        for (int i = 1; i < txs.size(); i++) {
            TxCheck check = facts.get(i).check();
            if (!check.isValid()) {
                return reject(reasonFor(check.reason()), i, check.detail());
            }
        }
        return Optional.empty();
    }

    /**
     * Transfers whose stateless rules (signatures included) these rules have checked since they were
     * made: a counter, readable from any thread.
     */
    public long transfersVerified() {
        return transfersVerified.sum();
    }

    /** Transfers of checked bodies not checked again because they had passed alone before (a counter). */
    public long transfersPassedBefore() {
        return transfersPassedBefore.sum();
    }

    /** {@link #encodeAll}, or nothing when the count is out of bounds (none or too many: refused before any hashing). */
    private static List<Encoded> encodeWithinCount(List<Transaction> txs) {
        return txs.isEmpty() || txs.size() > ProtocolLimits.MAX_BLOCK_TRANSACTIONS ? List.of() : encodeAll(txs);
    }

    /** Every transaction's encoding and merkle leaf (hashing only, on the calling thread; the leaves in one batch). */
    private static List<Encoded> encodeAll(List<Transaction> txs) {
        List<byte[]> encodings = new ArrayList<>(txs.size());
        for (Transaction tx : txs) {
            encodings.add(TransactionCodec.encode(tx));
        }
        List<Hash256> leaves = MerkleTree.leavesOfEncodings(encodings);
        List<Encoded> out = new ArrayList<>(txs.size());
        for (int i = 0; i < encodings.size(); i++) {
            out.add(new Encoded(encodings.get(i), leaves.get(i)));
        }
        return out;
    }

    private List<TxFacts> examineAll(List<Transaction> txs, List<Encoded> encoded) {
        int chunks = Math.min(parallelism, txs.size());
        if (chunks == 1) {
            return examine(txs, encoded, 0, txs.size());
        }
        List<CompletableFuture<List<TxFacts>>> parts = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) txs.size() * c / chunks);
            int to = (int) ((long) txs.size() * (c + 1) / chunks);
            parts.add(CompletableFuture.supplyAsync(() -> examine(txs, encoded, from, to), executor));
        }
        List<TxFacts> all = new ArrayList<>(txs.size());
        for (CompletableFuture<List<TxFacts>> part : parts) {
            all.addAll(part.join());
        }
        return all;
    }

    private List<TxFacts> examine(List<Transaction> txs, List<Encoded> encoded, int from, int to) {
        List<byte[]> encodings = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            encodings.add(encoded.get(i).bytes());
        }
        List<Hash256> txids = TransactionCodec.txidsOfEncodings(txs.subList(from, to), encodings);
        List<TxFacts> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Transaction tx = txs.get(i);
            Encoded encoding = encoded.get(i);
            byte[] bytes = encoding.bytes();
            Hash256 txid = txids.get(i - from);
            TxCheck check = TxCheck.VALID;
            if (tx instanceof TransferTx transfer) {
                if (transactionRules.passedBefore(encoding.leaf())) {
                    transfersPassedBefore.increment();
                } else {
                    transfersVerified.increment();
                    check = transactionRules.check(transfer, txid, bytes.length);
                }
            }
            out.add(new TxFacts(txid, check));
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

    private record Encoded(byte[] bytes, Hash256 leaf) {
    }

    private record TxFacts(Hash256 txid, TxCheck check) {
    }
}

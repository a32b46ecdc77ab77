package io.numicoin.node.integrity;

import io.numicoin.node.integrity.IntegrityProblem.Kind;
import io.numicoin.node.storage.BlockIndexTable;
import io.numicoin.node.storage.ChainTables;
import io.numicoin.node.storage.CorruptChainDataException;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Level 1: a stored body decodes, carries its own header and hashes to its merkle root. A body
 * that does not is deleted and its block set back to HEADER_ONLY, so it is fetched again.
 */
final class BodyCheck {

    private final ChainTables chainTables;
    private final BlockIndexTable index;
    private final TransactionTemplate transactions;

    BodyCheck(ChainTables chainTables, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.chainTables = chainTables;
        this.index = new BlockIndexTable(jdbc);
        this.transactions = transactions;
    }

    /** The decoded block when its body is sound; otherwise marks it for re-download and says why. */
    Result check(ActiveBlock block) {
        Optional<Stored> stored = readDiscardingFaulty(block);
        if (stored.isEmpty()) {
            return Result.bad(new IntegrityProblem(Kind.BODY_CORRUPT, "block " + block.id() + " at height " + block.height()
                    + " is on the active chain but its body is missing"), false);
        }
        if (stored.get().fault().isPresent()) {
            return Result.bad(new IntegrityProblem(Kind.BODY_CORRUPT, "block " + block.id() + " at height " + block.height()
                    + ": " + stored.get().fault().get()), true);
        }
        return new Result(stored.get().block(), Optional.empty(), false);
    }

    /**
     * The body stored for {@code block}, checked: decoded when sound, else what is wrong with it (its
     * block file unreadable, or not that block's body) — and then deleted, its block marked for
     * re-download, in one transaction; empty when no body is stored.
     */
    Optional<Stored> readDiscardingFaulty(ActiveBlock block) {
        Optional<Stored> stored;
        try {
            stored = chainTables.body(block.id()).map(bytes -> judge(block, bytes));
        } catch (CorruptChainDataException e) {  // its block file is missing, short, or holds another record there
            stored = Optional.of(Stored.faulty(e.getMessage()));
        }
        if (stored.flatMap(Stored::fault).isPresent()) {
            transactions.executeWithoutResult(status -> {
                chainTables.deleteBody(block.id());
                index.markForRedownload(block.id());
            });
        }
        return stored;
    }

    /** {@code bytes} as the body of {@code block}: decoded once, then checked against its header and merkle root. */
    private static Stored judge(ActiveBlock block, byte[] bytes) {
        Block decoded;
        try {
            decoded = BlockCodec.decode(bytes);
        } catch (DecodeException e) {
            return Stored.faulty("its stored body does not decode (" + e.getMessage() + ")");
        }
        Hash256 id = BlockHeaderCodec.id(decoded.header());
        if (!id.equals(block.id())) {
            return Stored.faulty("its stored body carries the header of block " + id);
        }
        if (block.headerBytes() != null && !Arrays.equals(BlockHeaderCodec.encode(decoded.header()), block.headerBytes())) {
            return Stored.faulty("its stored body's header differs from block_index");
        }
        if (!MerkleTree.root(decoded.transactions()).equals(decoded.header().merkleRoot())) {
            return Stored.faulty("its stored transactions do not hash to the header's merkle root");
        }
        return new Stored(Optional.of(decoded), Optional.empty());
    }

    /** A stored body: the block when sound, else what is wrong with it. */
    record Stored(Optional<Block> block, Optional<String> fault) {
        static Stored faulty(String fault) {
            return new Stored(Optional.empty(), Optional.of(fault));
        }
    }

    /** A checked body: the block when sound, else the problem (and whether it was marked for re-download). */
    record Result(Optional<Block> block, Optional<IntegrityProblem> problem, boolean markedForRedownload) {
        static Result bad(IntegrityProblem problem, boolean marked) {
            return new Result(Optional.empty(), Optional.of(problem), marked);
        }
    }
}

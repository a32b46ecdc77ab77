package io.numicoin.protocol.codec;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * A block's one encoding: header (128 bytes, {@link BlockHeaderCodec}) | transaction count u32
 * (1..10,000) | the transactions back to back ({@link TransactionCodec}).
 *
 * <p>Decoding refuses input over {@link ProtocolLimits#MAX_BLOCK_BYTES} before reading it, and
 * checks the count against the limit and against the bytes left before allocating. That the first
 * transaction is the coinbase and the others transfers is a validation rule: any order decodes.
 */
public final class BlockCodec {

    /** Header and transaction count. */
    public static final int PREFIX_SIZE = BlockHeaderCodec.SIZE + 4;

    private BlockCodec() {
    }

    /**
     * The block's encoding.
     *
     * @throws IllegalArgumentException if the block has no transactions or more than
     *     {@link ProtocolLimits#MAX_BLOCK_TRANSACTIONS}, or a transaction cannot be encoded
     */
    public static byte[] encode(Block block) {
        int count = block.transactions().size();
        if (count < 1 || count > ProtocolLimits.MAX_BLOCK_TRANSACTIONS) {
            throw new IllegalArgumentException("a block has 1 to " + ProtocolLimits.MAX_BLOCK_TRANSACTIONS
                    + " transactions, got " + count);
        }
        ByteWriter writer = new ByteWriter(encodedSize(block));
        BlockHeaderCodec.write(writer, block.header());
        writer.i32(count);
        for (Transaction tx : block.transactions()) {
            TransactionCodec.write(writer, tx);
        }
        return writer.toByteArray();
    }

    /** The length of {@link #encode}, without encoding. */
    public static int encodedSize(Block block) {
        int size = PREFIX_SIZE;
        for (Transaction tx : block.transactions()) {
            size = Math.addExact(size, TransactionCodec.encodedSize(tx));
        }
        return size;
    }

    public static Block decode(byte[] bytes) throws DecodeException {
        if (bytes.length > ProtocolLimits.MAX_BLOCK_BYTES) {
            throw new DecodeException(DecodeError.TOO_LARGE,
                    "a block has at most " + ProtocolLimits.MAX_BLOCK_BYTES + " bytes, got " + bytes.length);
        }
        ByteReader reader = new ByteReader(bytes);
        BlockHeader header = BlockHeaderCodec.read(reader);
        long count = reader.u32("transaction count");
        if (count == 0) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "a block has at least one transaction");
        }
        if (count > ProtocolLimits.MAX_BLOCK_TRANSACTIONS) {
            throw new DecodeException(DecodeError.TOO_LARGE,
                    "a block has at most " + ProtocolLimits.MAX_BLOCK_TRANSACTIONS + " transactions, got " + count);
        }
        if (count * TransactionCodec.MIN_SIZE > reader.remaining()) {
            throw new DecodeException(DecodeError.TRUNCATED,
                    count + " transactions need at least " + count * TransactionCodec.MIN_SIZE + " bytes, "
                            + reader.remaining() + " left");
        }
        List<Transaction> transactions = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            transactions.add(TransactionCodec.read(reader));
        }
        reader.expectEnd("block");
        return new Block(header, transactions);
    }
}

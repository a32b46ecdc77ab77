package io.numicoin.events.codec;

import io.numicoin.events.ChainEvent;
import io.numicoin.events.PrintableAscii;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The field encodings payloads share. Work: u8 length (1..64) and the big-endian magnitude without
 * a leading zero byte. Block, transfer: u32 length and the protocol encoding. Text: u16 length and
 * printable ASCII. Enums: u8 ordinal.
 */
final class PayloadFields {

    static final int MAX_WORK_BYTES = ChainEvent.MAX_WORK_BITS / 8;

    private PayloadFields() {
    }

    static byte[] work(BigInteger work) {
        byte[] bytes = work.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static void writeWork(ByteWriter writer, byte[] magnitude) {
        writer.u8(magnitude.length).bytes(magnitude);
    }

    static BigInteger readWork(ByteReader reader) throws DecodeException {
        int length = reader.u8("cumulative work length");
        if (length == 0) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "cumulative work is positive");
        }
        if (length > MAX_WORK_BYTES) {
            throw new DecodeException(DecodeError.TOO_LARGE, "cumulative work has " + length + " bytes, at most " + MAX_WORK_BYTES);
        }
        byte[] magnitude = reader.bytes(length, "cumulative work");
        if (magnitude[0] == 0) {
            throw new DecodeException(DecodeError.NON_CANONICAL, "cumulative work has a leading zero byte");
        }
        return new BigInteger(1, magnitude);
    }

    static Block readBlock(ByteReader reader) throws DecodeException {
        int length = reader.u32("block length", ProtocolLimits.MAX_BLOCK_BYTES);
        return BlockCodec.decode(reader.bytes(length, "block"));
    }

    static byte[] transfer(TransferTx tx) {
        if (TransactionCodec.encodedSize(tx) > ProtocolLimits.MAX_TRANSACTION_BYTES) {
            throw new IllegalArgumentException("transaction is over " + ProtocolLimits.MAX_TRANSACTION_BYTES + " bytes");
        }
        return TransactionCodec.encode(tx);
    }

    static TransferTx readTransfer(ByteReader reader) throws DecodeException {
        int length = reader.u32("transaction length", ProtocolLimits.MAX_TRANSACTION_BYTES);
        Transaction tx = TransactionCodec.decode(reader.bytes(length, "transaction"));
        return switch (tx) {
            case TransferTx transfer -> transfer;
            case CoinbaseTx coinbase -> throw new DecodeException(DecodeError.OUT_OF_RANGE, "a coinbase is never an event alone");
        };
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The length of a text field: prefix and characters. */
    static int textSize(String text) {
        return 2 + text.length();
    }

    static void writeText(ByteWriter writer, String text) {
        writer.varBytes16(Bytes.of(ascii(text)));
    }

    static String readText(ByteReader reader, String field, int min, int max) throws DecodeException {
        byte[] bytes = reader.varBytes16(field, max).toArray();
        if (bytes.length < min) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, field + " has " + bytes.length + " characters, at least " + min);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (!PrintableAscii.isPrintable(bytes[i] & 0xff)) {
                throw new DecodeException(DecodeError.OUT_OF_RANGE, field + " has a byte outside printable ASCII at " + i);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    static <E extends Enum<E>> E readEnum(ByteReader reader, String field, E[] values) throws DecodeException {
        int code = reader.u8(field);
        if (code >= values.length) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "unknown " + field + " " + code);
        }
        return values[code];
    }
}

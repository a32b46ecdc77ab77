package io.numicoin.protocol.codec;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.hash.HashDomain;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction's one encoding. Integers are fixed-width big-endian; a memo is a u16 length
 * (at most 256) and its bytes.
 *
 * <pre>
 * coinbase: type 0 u8 | chain id u32 | height u64 | recipient 32 | amount u64 | memo
 * transfer: type 1 u8 | chain id u32 | sender 32 | nonce u64 | recipient 32 | amount u64 | fee u64
 *           | expiry height u64 | memo | policy | signature count u8 | (key index u8 | signature 3,309)*
 * </pre>
 *
 * <p>The txid is BLAKE3 ({@code numi/tx}) of the body without signatures: a transfer's encoding up
 * to and including the policy, a coinbase's whole encoding. Signatures sign those 32 txid bytes.
 *
 * <p>Decoding is strict: heights, nonces and expiry below 2^63, nonce at least 1, amounts within
 * {@code [0, MAX_MONEY]}, at most as many signatures as policy keys, key indexes strictly ascending
 * and within the policy, at most {@link ProtocolLimits#MAX_TRANSACTION_BYTES} in all, no trailing
 * bytes. Whether the signatures meet the threshold and verify is validation, not decoding.
 */
public final class TransactionCodec {

    public static final int TYPE_COINBASE = 0;
    public static final int TYPE_TRANSFER = 1;
    /** A key index and a signature. */
    public static final int SIGNATURE_ENTRY_SIZE = 1 + MlDsaSignature.SIZE;
    /** The smallest transaction: a coinbase with an empty memo. */
    public static final int MIN_SIZE = 1 + 4 + 8 + Hash256.SIZE + 8 + 2;

    /** A transfer's unsigned body without memo bytes and keys: every fixed field, the memo length, the policy header. */
    private static final int TRANSFER_BODY_FIXED_SIZE = 1 + 4 + Hash256.SIZE + 8 + Hash256.SIZE + 8 + 8 + 8 + 2 + 2;

    private TransactionCodec() {
    }

    /** The transaction's full encoding, signatures included. */
    public static byte[] encode(Transaction tx) {
        ByteWriter writer = new ByteWriter(encodedSize(tx));
        write(writer, tx);
        return writer.toByteArray();
    }

    /**
     * Writes the full encoding.
     *
     * @throws IllegalArgumentException if a transfer's signatures are more than its policy's keys or
     *     their key indexes are not strictly ascending within the policy (no decoder would accept it)
     */
    public static void write(ByteWriter writer, Transaction tx) {
        switch (tx) {
            case CoinbaseTx coinbase -> writeCoinbase(writer, coinbase);
            case TransferTx transfer -> {
                requireCanonicalSignatures(transfer);
                writeTransferBody(writer, transfer);
                writer.u8(transfer.signatures().size());
                for (TxSignature signature : transfer.signatures()) {
                    writer.u8(signature.keyIndex()).bytes(signature.signature().bytes());
                }
            }
        }
    }

    /** The bytes the txid hashes: a transfer without its signature count and signatures, a whole coinbase. */
    public static byte[] unsignedBody(Transaction tx) {
        return switch (tx) {
            case CoinbaseTx coinbase -> encode(coinbase);
            case TransferTx transfer -> {
                ByteWriter writer = new ByteWriter(transferBodySize(transfer));
                writeTransferBody(writer, transfer);
                yield writer.toByteArray();
            }
        };
    }

    /** The txid: BLAKE3 ({@code numi/tx}) of {@link #unsignedBody}; the message every signature signs. */
    public static Hash256 txid(Transaction tx) {
        return Blake3.hash(HashDomain.TX, unsignedBody(tx));
    }

    /**
     * The txid from the transaction's full encoding ({@link #encode}), whose first bytes are the
     * unsigned body: hashes that prefix instead of encoding the body again.
     *
     * @throws IllegalArgumentException if {@code encoding} is not as long as the transaction's encoding
     */
    public static Hash256 txidOfEncoding(Transaction tx, byte[] encoding) {
        return Blake3.hash(HashDomain.TX, encoding, 0, txidLength(tx, encoding));
    }

    /**
     * The txids of transactions whose full encodings the caller has, in order: {@link #txidOfEncoding}
     * of each, hashed together ({@link Blake3#hashEach}: their chunks side by side in vector lanes
     * where the JVM allows).
     *
     * @throws IllegalArgumentException if an encoding is not as long as its transaction's encoding
     */
    public static List<Hash256> txidsOfEncodings(List<? extends Transaction> txs, List<byte[]> encodings) {
        if (txs.size() != encodings.size()) {
            throw new IllegalArgumentException(txs.size() + " transactions but " + encodings.size() + " encodings");
        }
        int[] lengths = new int[txs.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = txidLength(txs.get(i), encodings.get(i));
        }
        return Blake3.hashEach(HashDomain.TX, encodings, lengths);
    }

    /** How much of {@code tx}'s full encoding its txid hashes: all of a coinbase, a transfer's body without signatures. */
    private static int txidLength(Transaction tx, byte[] encoding) {
        if (encoding.length != encodedSize(tx)) {
            throw new IllegalArgumentException("an encoding of " + encoding.length + " bytes for a transaction of " + encodedSize(tx));
        }
        return switch (tx) {
            case CoinbaseTx coinbase -> encoding.length;
            case TransferTx transfer -> transferBodySize(transfer);
        };
    }

    /** The length of {@link #encode}, without encoding. */
    public static int encodedSize(Transaction tx) {
        return switch (tx) {
            case CoinbaseTx coinbase -> MIN_SIZE + coinbase.memo().length();
            case TransferTx transfer -> transferBodySize(transfer) + 1 + transfer.signatures().size() * SIGNATURE_ENTRY_SIZE;
        };
    }

    /** Decodes exactly one transaction; input over {@link ProtocolLimits#MAX_TRANSACTION_BYTES} is refused unread. */
    public static Transaction decode(byte[] bytes) throws DecodeException {
        if (bytes.length > ProtocolLimits.MAX_TRANSACTION_BYTES) {
            throw new DecodeException(DecodeError.TOO_LARGE,
                    "a transaction has at most " + ProtocolLimits.MAX_TRANSACTION_BYTES + " bytes, got " + bytes.length);
        }
        ByteReader reader = new ByteReader(bytes);
        Transaction tx = read(reader);
        reader.expectEnd("transaction");
        return tx;
    }

    /** Reads one transaction from {@code reader} (used inside block decoding), enforcing the size limit. */
    public static Transaction read(ByteReader reader) throws DecodeException {
        int start = reader.position();
        int type = reader.u8("transaction type");
        return switch (type) {
            case TYPE_COINBASE -> readCoinbase(reader);
            case TYPE_TRANSFER -> readTransfer(reader, start);
            default -> throw new DecodeException(DecodeError.OUT_OF_RANGE, "unknown transaction type " + type);
        };
    }

    private static void writeCoinbase(ByteWriter writer, CoinbaseTx coinbase) {
        writer.u8(TYPE_COINBASE)
                .i32(coinbase.chainId())
                .i64(coinbase.height())
                .hash(coinbase.recipient().policyHash())
                .i64(coinbase.amount().units())
                .varBytes16(coinbase.memo());
    }

    private static void writeTransferBody(ByteWriter writer, TransferTx transfer) {
        writer.u8(TYPE_TRANSFER)
                .i32(transfer.chainId())
                .hash(transfer.sender().policyHash())
                .i64(transfer.nonce())
                .hash(transfer.recipient().policyHash())
                .i64(transfer.amount().units())
                .i64(transfer.fee().units())
                .i64(transfer.expiryHeight())
                .varBytes16(transfer.memo());
        SpendingPolicyCodec.write(writer, transfer.policy());
    }

    private static int transferBodySize(TransferTx transfer) {
        return TRANSFER_BODY_FIXED_SIZE + transfer.memo().length() + transfer.policy().keys().size() * MlDsaPublicKey.SIZE;
    }

    private static void requireCanonicalSignatures(TransferTx transfer) {
        int keyCount = transfer.policy().keys().size();
        if (transfer.signatures().size() > keyCount) {
            throw new IllegalArgumentException(transfer.signatures().size() + " signatures for a policy of " + keyCount + " keys");
        }
        int previous = -1;
        for (TxSignature signature : transfer.signatures()) {
            if (signature.keyIndex() <= previous || signature.keyIndex() >= keyCount) {
                throw new IllegalArgumentException("signature key indexes must ascend strictly within 0.." + (keyCount - 1));
            }
            previous = signature.keyIndex();
        }
    }

    private static CoinbaseTx readCoinbase(ByteReader reader) throws DecodeException {
        int chainId = reader.i32("chain id");
        long height = reader.u63("height");
        Address recipient = new Address(reader.hash("recipient"));
        Amount amount = amount(reader, "amount");
        Bytes memo = reader.varBytes16("memo", ProtocolLimits.MAX_MEMO_BYTES);
        return new CoinbaseTx(chainId, height, recipient, amount, memo);
    }

    private static TransferTx readTransfer(ByteReader reader, int start) throws DecodeException {
        int chainId = reader.i32("chain id");
        Address sender = new Address(reader.hash("sender"));
        long nonce = reader.u63("nonce");
        if (nonce < 1) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "nonce starts at 1, got 0");
        }
        Address recipient = new Address(reader.hash("recipient"));
        Amount amount = amount(reader, "amount");
        Amount fee = amount(reader, "fee");
        long expiryHeight = reader.u63("expiry height");
        Bytes memo = reader.varBytes16("memo", ProtocolLimits.MAX_MEMO_BYTES);
        SpendingPolicy policy = SpendingPolicyCodec.read(reader);
        List<TxSignature> signatures = readSignatures(reader, policy.keys().size(), start);
        return new TransferTx(chainId, sender, nonce, recipient, amount, fee, expiryHeight, memo, policy, signatures);
    }

    private static List<TxSignature> readSignatures(ByteReader reader, int keyCount, int start) throws DecodeException {
        int count = reader.u8("signature count");
        if (count > keyCount) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, count + " signatures for a policy of " + keyCount + " keys");
        }
        long size = (long) (reader.position() - start) + (long) count * SIGNATURE_ENTRY_SIZE;
        if (size > ProtocolLimits.MAX_TRANSACTION_BYTES) {
            throw new DecodeException(DecodeError.TOO_LARGE,
                    "transaction would have " + size + " bytes, at most " + ProtocolLimits.MAX_TRANSACTION_BYTES);
        }
        List<TxSignature> signatures = new ArrayList<>(count);
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int keyIndex = reader.u8("signature key index");
            if (keyIndex >= keyCount) {
                throw new DecodeException(DecodeError.OUT_OF_RANGE, "key index " + keyIndex + " in a policy of " + keyCount + " keys");
            }
            if (keyIndex <= previous) {
                throw new DecodeException(DecodeError.NON_CANONICAL, "key index " + keyIndex + " does not ascend after " + previous);
            }
            previous = keyIndex;
            MlDsaSignature signature = new MlDsaSignature(Bytes.of(reader.bytes(MlDsaSignature.SIZE, "signature")));
            signatures.add(new TxSignature(keyIndex, signature));
        }
        return signatures;
    }

    private static Amount amount(ByteReader reader, String field) throws DecodeException {
        long units = reader.i64(field);
        if (!Amount.isValid(units)) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE,
                    field + " " + Long.toUnsignedString(units) + " is above MAX_MONEY " + Amount.MAX_MONEY);
        }
        return Amount.ofUnits(units);
    }
}

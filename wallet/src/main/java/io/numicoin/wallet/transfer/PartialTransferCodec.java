package io.numicoin.wallet.transfer;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.file.FileFormatFailure;
import io.numicoin.wallet.file.FramedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The partially signed transfer file, version 1 (docs/partial-transfer.md): the frame
 * ({@code NUMIPTX\0}) around
 *
 * <pre>
 * transaction length u32 | the unsigned transfer (TransactionCodec, signature count 0)
 * | signature count u8 | (key index u8 | ML-DSA-65 signature 3,309)*   key indexes strictly ascending
 * </pre>
 *
 * <p>Decoding is structural and strict: the transaction decodes with the consensus codec (at most
 * 64 KiB), is a transfer and carries no signatures; at most one signature per policy key, indexes
 * ascending and within the policy; nothing after the last signature. Whether the sender is the
 * policy's address and the signatures verify is {@link PartialTransferCheck}.
 */
public final class PartialTransferCodec {

    /** The frame, the largest transaction, 16 signatures: under 128 KiB. */
    public static final int MAX_BYTES = 128 * 1024;
    public static final FramedFile FORMAT = new FramedFile("NUMIPTX\0".getBytes(StandardCharsets.US_ASCII), 1,
            "partially signed transfer", MAX_BYTES);

    private PartialTransferCodec() {
    }

    public static byte[] encode(PartialTransfer transfer) {
        byte[] transaction = TransactionCodec.encode(transfer.transaction());
        ByteWriter body = new ByteWriter(4 + transaction.length + 1 + transfer.signatures().size() * TransactionCodec.SIGNATURE_ENTRY_SIZE);
        body.i32(transaction.length).bytes(transaction).u8(transfer.signatures().size());
        for (TxSignature signature : transfer.signatures()) {
            body.u8(signature.keyIndex()).bytes(signature.signature().bytes());
        }
        return FORMAT.encode(body.toByteArray());
    }

    public static PartialTransfer decode(byte[] file) throws FileFormatException {
        byte[] body = FORMAT.decode(file);
        try {
            ByteReader reader = new ByteReader(body);
            int length = reader.u32("transaction length", ProtocolLimits.MAX_TRANSACTION_BYTES);
            Transaction decoded = TransactionCodec.decode(reader.bytes(length, "transaction"));
            if (!(decoded instanceof TransferTx transaction)) {
                throw malformed("the transaction is a coinbase, not a transfer");
            }
            if (!transaction.signatures().isEmpty()) {
                throw malformed("the transaction carries " + transaction.signatures().size()
                        + " signatures inside it; a partial transfer keeps them in its signature list");
            }
            List<TxSignature> signatures = readSignatures(reader, transaction.policy());
            reader.expectEnd("partially signed transfer");
            return new PartialTransfer(transaction, signatures);
        } catch (DecodeException e) {
            throw new FileFormatException(FileFormatFailure.MALFORMED, "the partially signed transfer is malformed: "
                    + e.getMessage(), e);
        }
    }

    private static List<TxSignature> readSignatures(ByteReader reader, SpendingPolicy policy)
            throws DecodeException, FileFormatException {
        int keys = policy.keys().size();
        int count = reader.u8("signature count");
        if (count > keys) {
            throw malformed(count + " signatures for a policy of " + keys + " keys");
        }
        List<TxSignature> signatures = new ArrayList<>(count);
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int index = reader.u8("signature key index");
            if (index >= keys) {
                throw malformed("a signature names key " + index + " of a policy of " + keys + " keys (0.." + (keys - 1) + ")");
            }
            if (index <= previous) {
                throw malformed("signature key indexes must ascend: " + index + " after " + previous);
            }
            previous = index;
            signatures.add(new TxSignature(index, new MlDsaSignature(Bytes.of(reader.bytes(MlDsaSignature.SIZE, "signature")))));
        }
        return signatures;
    }

    private static FileFormatException malformed(String detail) {
        return new FileFormatException(FileFormatFailure.MALFORMED, "the partially signed transfer is malformed: " + detail);
    }
}

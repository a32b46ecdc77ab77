package io.numicoin.pool.work;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import java.util.Arrays;

/**
 * A job's coinbase cut around the extranonce, as Stratum sends it: the full coinbase encoding is
 * {@code coinb1 || extranonce1 || extranonce2 || coinb2}. NumiCoin's coinbase ends with its memo,
 * so the extranonce is the memo's tail: memo = {@link #TAG} || extranonce1 || extranonce2 and
 * {@code coinb2} is empty. The memo does not enter the account state (a coinbase matures as
 * height, recipient and amount), so the node's state commitment for the job holds for every
 * extranonce.
 */
public record CoinbaseParts(Bytes coinb1, Bytes coinb2) {

    /** The memo's fixed prefix, so a pool block is recognisable on chain. */
    public static final Bytes TAG = Bytes.of("numipool/".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    public static final int EXTRANONCE1_SIZE = 4;
    public static final int EXTRANONCE2_SIZE = 4;

    /** Splits {@code coinbase} (its memo is replaced) around the extranonce bytes. */
    public static CoinbaseParts split(CoinbaseTx coinbase) {
        int extranonce = EXTRANONCE1_SIZE + EXTRANONCE2_SIZE;
        Bytes memo = TAG.concat(Bytes.of(new byte[extranonce]));
        byte[] encoded = TransactionCodec.encode(new CoinbaseTx(coinbase.chainId(), coinbase.height(), coinbase.recipient(),
                coinbase.amount(), memo));
        int cut = encoded.length - extranonce; // the memo is the encoding's last field
        return new CoinbaseParts(Bytes.of(Arrays.copyOfRange(encoded, 0, cut)), Bytes.EMPTY);
    }

    /** The coinbase encoding a miner hashed for its extranonces. */
    public byte[] assemble(Bytes extranonce1, Bytes extranonce2) {
        if (extranonce1.length() != EXTRANONCE1_SIZE || extranonce2.length() != EXTRANONCE2_SIZE) {
            throw new IllegalArgumentException("extranonce sizes are " + EXTRANONCE1_SIZE + " and " + EXTRANONCE2_SIZE);
        }
        return coinb1.concat(extranonce1).concat(extranonce2).concat(coinb2).toArray();
    }

    /** The coinbase transaction of {@link #assemble}'s bytes. */
    public CoinbaseTx coinbase(Bytes extranonce1, Bytes extranonce2) {
        try {
            Transaction tx = TransactionCodec.decode(assemble(extranonce1, extranonce2));
            return (CoinbaseTx) tx;
        } catch (DecodeException e) {
            throw new IllegalStateException("a job's own coinbase does not decode", e);
        }
    }
}

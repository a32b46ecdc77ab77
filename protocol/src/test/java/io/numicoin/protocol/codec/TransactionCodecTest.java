package io.numicoin.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.HashDomain;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.testing.GoldenFixtures;
import io.numicoin.protocol.testing.RandomProtocolValues;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionCodecTest {

    /** Offsets into a transfer's encoding. */
    private static final int NONCE = 1 + 4 + 32;
    private static final int AMOUNT = NONCE + 8 + 32;
    private static final int FEE = AMOUNT + 8;
    private static final int EXPIRY = FEE + 8;
    private static final int MEMO = EXPIRY + 8;

    private static DecodeError decodeError(byte[] bytes) {
        try {
            Transaction tx = TransactionCodec.decode(bytes);
            throw new AssertionError("decoded to " + tx);
        } catch (DecodeException e) {
            return e.error();
        }
    }

    private static byte[] transferBytes() {
        return TransactionCodec.encode(GoldenFixtures.twoOfThreeTransfer(42));
    }

    /** Where the 2-of-3 golden transfer's signature count sits. */
    private static int signatureCountOffset() {
        TransferTx tx = GoldenFixtures.twoOfThreeTransfer(42);
        return TransactionCodec.unsignedBody(tx).length;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void randomTransactionsRoundTrip(long seed) throws DecodeException {
        RandomProtocolValues values = new RandomProtocolValues(seed);
        for (int i = 0; i < 40; i++) {
            Transaction tx = values.transaction();
            byte[] bytes = TransactionCodec.encode(tx);

            assertThat(TransactionCodec.decode(bytes)).isEqualTo(tx);
            assertThat(TransactionCodec.encodedSize(tx)).isEqualTo(bytes.length);
            assertThat(bytes.length).isLessThanOrEqualTo(ProtocolLimits.MAX_TRANSACTION_BYTES);
            byte[] body = TransactionCodec.unsignedBody(tx);
            assertThat(Arrays.copyOf(bytes, body.length)).isEqualTo(body);
            assertThat(TransactionCodec.txid(tx)).isEqualTo(Blake3.hash(HashDomain.TX, body));
            assertThat(TransactionCodec.txidOfEncoding(tx, bytes)).isEqualTo(TransactionCodec.txid(tx));
        }
    }

    @Test
    void txidsOfEncodingsHashedTogetherAreEachTransactionsTxid() {
        RandomProtocolValues values = new RandomProtocolValues(404);
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            txs.add(i % 3 == 0 ? GoldenFixtures.twoOfThreeTransfer(i + 1) : values.transaction());
        }
        List<byte[]> encodings = txs.stream().map(TransactionCodec::encode).toList();

        assertThat(TransactionCodec.txidsOfEncodings(txs, encodings)).isEqualTo(txs.stream().map(TransactionCodec::txid).toList());
        List<byte[]> oneShort = new ArrayList<>(encodings);
        oneShort.set(5, Arrays.copyOf(encodings.get(5), encodings.get(5).length - 1));
        assertThatThrownBy(() -> TransactionCodec.txidsOfEncodings(txs, oneShort)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void txidOfEncodingRefusesAnEncodingOfAnotherLength() {
        TransferTx tx = GoldenFixtures.twoOfThreeTransfer(42);
        byte[] bytes = TransactionCodec.encode(tx);
        assertThatThrownBy(() -> TransactionCodec.txidOfEncoding(tx, Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coinbaseBodyIsTheWholeEncoding() {
        CoinbaseTx coinbase = GoldenFixtures.coinbase(7);
        assertThat(TransactionCodec.unsignedBody(coinbase)).isEqualTo(TransactionCodec.encode(coinbase));
        assertThat(TransactionCodec.encode(coinbase)).hasSize(TransactionCodec.MIN_SIZE);
    }

    @Test
    void txidIgnoresSignaturesButCommitsToEverythingElse() {
        TransferTx tx = GoldenFixtures.twoOfThreeTransfer(42);
        TransferTx resigned = tx.withSignatures(List.of(new TxSignature(1, GoldenFixtures.signature(9))));
        TransferTx otherNonce = GoldenFixtures.twoOfThreeTransfer(43);

        assertThat(TransactionCodec.txid(resigned)).isEqualTo(TransactionCodec.txid(tx));
        assertThat(TransactionCodec.txid(otherNonce)).isNotEqualTo(TransactionCodec.txid(tx));
        assertThat(TransactionCodec.unsignedBody(tx)).hasSize(signatureCountOffset());
    }

    @Test
    void unknownTypeIsOutOfRange() {
        byte[] bytes = transferBytes();
        bytes[0] = 2;
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.OUT_OF_RANGE);
        assertThat(decodeError(new byte[] {(byte) 0xff})).isEqualTo(DecodeError.OUT_OF_RANGE);
    }

    @Test
    void heightAndExpiryAtOrAbove2To63AreOutOfRange() {
        byte[] coinbase = TransactionCodec.encode(GoldenFixtures.coinbase(0));
        coinbase[5] = (byte) 0x80;
        assertThat(decodeError(coinbase)).isEqualTo(DecodeError.OUT_OF_RANGE);

        byte[] transfer = transferBytes();
        transfer[EXPIRY] = (byte) 0x80;
        assertThat(decodeError(transfer)).isEqualTo(DecodeError.OUT_OF_RANGE);
    }

    @Test
    void nonceZeroOrAbove2To63IsOutOfRange() {
        byte[] bytes = transferBytes();
        ByteBuffer.wrap(bytes).putLong(NONCE, 0);
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.OUT_OF_RANGE);
        ByteBuffer.wrap(bytes).putLong(NONCE, Long.MIN_VALUE);
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.OUT_OF_RANGE);
    }

    @Test
    void amountsAboveMaxMoneyAreOutOfRange() throws DecodeException {
        byte[] bytes = transferBytes();
        ByteBuffer.wrap(bytes).putLong(AMOUNT, Amount.MAX_MONEY);
        assertThat(((TransferTx) TransactionCodec.decode(bytes)).amount().units())
                .isEqualTo(Amount.MAX_MONEY);

        ByteBuffer.wrap(bytes).putLong(AMOUNT, Amount.MAX_MONEY + 1);
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.OUT_OF_RANGE);

        byte[] fee = transferBytes();
        ByteBuffer.wrap(fee).putLong(FEE, -1);
        assertThat(decodeError(fee)).isEqualTo(DecodeError.OUT_OF_RANGE);
    }

    @Test
    void memoOver256BytesIsTooLarge() {
        byte[] bytes = transferBytes();
        ByteBuffer.wrap(bytes).putShort(MEMO, (short) (ProtocolLimits.MAX_MEMO_BYTES + 1));
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.TOO_LARGE);
    }

    @Test
    void moreSignaturesThanKeysIsOutOfRange() {
        byte[] bytes = transferBytes();
        bytes[signatureCountOffset()] = 4;
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.OUT_OF_RANGE);
    }

    @Test
    void keyIndexOutsideThePolicyIsOutOfRange() {
        byte[] bytes = transferBytes();
        int secondIndex = signatureCountOffset() + 1 + TransactionCodec.SIGNATURE_ENTRY_SIZE;
        bytes[secondIndex] = 3;
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.OUT_OF_RANGE);
    }

    @Test
    void repeatedOrDescendingKeyIndexesAreNonCanonical() {
        int firstIndex = signatureCountOffset() + 1;
        int secondIndex = firstIndex + TransactionCodec.SIGNATURE_ENTRY_SIZE;
        byte[] repeated = transferBytes();
        repeated[secondIndex] = 0;
        assertThat(decodeError(repeated)).isEqualTo(DecodeError.NON_CANONICAL);

        byte[] descending = transferBytes();
        descending[firstIndex] = 2;
        descending[secondIndex] = 1;
        assertThat(decodeError(descending)).isEqualTo(DecodeError.NON_CANONICAL);
    }

    @Test
    void inputOver64KiBIsRefusedUnread() {
        assertThat(decodeError(new byte[ProtocolLimits.MAX_TRANSACTION_BYTES + 1])).isEqualTo(DecodeError.TOO_LARGE);
    }

    @Test
    void signatureCountThatWouldPassTheSizeLimitIsTooLargeBeforeReadingSignatures() {
        List<MlDsaPublicKey> keys = new ArrayList<>();
        for (int i = 0; i < SpendingPolicy.MAX_KEYS; i++) {
            keys.add(GoldenFixtures.key(50 + i));
        }
        SpendingPolicy policy = new SpendingPolicy(11, keys);
        TransferTx unsigned = new TransferTx(1, SpendingPolicyCodec.address(policy), 1, GoldenFixtures.coinbase(0).recipient(),
                Amount.ZERO, Amount.ZERO, 0,
                Bytes.of(new byte[ProtocolLimits.MAX_MEMO_BYTES]), policy, List.of());
        byte[] bytes = TransactionCodec.encode(unsigned);
        bytes[bytes.length - 1] = 11;

        assertThat(decodeError(bytes)).isEqualTo(DecodeError.TOO_LARGE);
        bytes[bytes.length - 1] = 10;
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.TRUNCATED);
    }

    @Test
    void trailingAndMissingBytesAreRefused() {
        byte[] bytes = transferBytes();
        assertThat(decodeError(Arrays.copyOf(bytes, bytes.length + 1))).isEqualTo(DecodeError.TRAILING_BYTES);
        assertThat(decodeError(Arrays.copyOf(bytes, bytes.length - 1))).isEqualTo(DecodeError.TRUNCATED);
        assertThat(decodeError(new byte[0])).isEqualTo(DecodeError.TRUNCATED);
    }

    @Test
    void encodeRefusesSignaturesNoDecoderWouldAccept() {
        TransferTx tx = GoldenFixtures.twoOfThreeTransfer(42);
        TxSignature a = new TxSignature(0, GoldenFixtures.signature(1));
        TxSignature b = new TxSignature(2, GoldenFixtures.signature(2));

        assertThatThrownBy(() -> TransactionCodec.encode(tx.withSignatures(List.of(b, a))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionCodec.encode(tx.withSignatures(List.of(a, a))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionCodec.encode(tx.withSignatures(List.of(new TxSignature(3, GoldenFixtures.signature(3))))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

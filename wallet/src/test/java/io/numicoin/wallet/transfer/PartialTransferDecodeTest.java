package io.numicoin.wallet.transfer;

import static io.numicoin.wallet.transfer.TransferFixtures.policy;
import static io.numicoin.wallet.transfer.TransferFixtures.privateKey;
import static io.numicoin.wallet.transfer.TransferFixtures.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.file.FileFormatFailure;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The partially signed transfer file's decoding: each refusal with its reason, a cut at every
 * length, every byte of the frame flipped, and seeded random edits of the body (with the checksum
 * made to match, as a wrong writer would): each either refused with a {@link FileFormatException}
 * or decoded to a transfer that encodes to exactly those bytes.
 */
class PartialTransferDecodeTest {

    private static final SpendingPolicy TWO_OF_THREE = policy(2, 3);
    private static final PartialTransfer SIGNED_ONCE;
    private static final byte[] FILE;

    static {
        try {
            SIGNED_ONCE = new PartialTransferSigner().sign(PartialTransfer.unsigned(unsigned(TWO_OF_THREE, 4)), privateKey(1)).transfer();
        } catch (PartialTransferException e) {
            throw new IllegalStateException(e);
        }
        FILE = PartialTransferCodec.encode(SIGNED_ONCE);
    }

    @Test
    void roundTrips() throws Exception {
        assertThat(PartialTransferCodec.decode(FILE)).isEqualTo(SIGNED_ONCE);
        PartialTransfer unsignedOne = PartialTransfer.unsigned(unsigned(TWO_OF_THREE, 1));
        assertThat(PartialTransferCodec.decode(PartialTransferCodec.encode(unsignedOne))).isEqualTo(unsignedOne);
    }

    static Stream<Arguments> refusals() {
        byte[] otherMagic = FILE.clone();
        otherMagic[3] = 'K';
        byte[] version2 = FILE.clone();
        version2[9] = 2;
        byte[] trailing = Arrays.copyOf(FILE, FILE.length + 1);
        byte[] checksum = FILE.clone();
        checksum[FILE.length - 1] ^= 1;
        byte[] longer = FILE.clone();
        ByteBuffer.wrap(longer).putInt(10, FILE.length + 100);
        byte[] huge = FILE.clone();
        ByteBuffer.wrap(huge).putInt(10, Integer.MAX_VALUE);
        byte[] tiny = FILE.clone();
        ByteBuffer.wrap(tiny).putInt(10, 20);
        TxSignature signature = SIGNED_ONCE.signatures().getFirst();
        byte[] wrongSignature = signature.signature().bytes().toArray();
        wrongSignature[100] ^= 1;
        return Stream.of(
                Arguments.of("empty", new byte[0], FileFormatFailure.NOT_THIS_FORMAT),
                Arguments.of("a keystore", "NUMIKEY\0rest".getBytes(), FileFormatFailure.NOT_THIS_FORMAT),
                Arguments.of("another magic", otherMagic, FileFormatFailure.NOT_THIS_FORMAT),
                Arguments.of("magic only", Arrays.copyOf(FILE, 8), FileFormatFailure.TRUNCATED),
                Arguments.of("version 2", version2, FileFormatFailure.UNSUPPORTED_VERSION),
                Arguments.of("a byte after the end", trailing, FileFormatFailure.CORRUPTED),
                Arguments.of("checksum", checksum, FileFormatFailure.CORRUPTED),
                Arguments.of("declared longer", longer, FileFormatFailure.TRUNCATED),
                Arguments.of("declared 2 GiB", huge, FileFormatFailure.TOO_LARGE),
                Arguments.of("declared shorter than its frame", tiny, FileFormatFailure.CORRUPTED),
                Arguments.of("a coinbase", framed(body(TransactionCodec.encode(
                        new CoinbaseTx(TransferFixtures.REGTEST.chainId(), 1, TransferFixtures.recipient(), Amount.ofUnits(1), Bytes.EMPTY)), 0)),
                        FileFormatFailure.MALFORMED),
                Arguments.of("a transaction carrying its signatures", framed(body(TransactionCodec.encode(
                        SIGNED_ONCE.transaction().withSignatures(SIGNED_ONCE.signatures())), 0)), FileFormatFailure.MALFORMED),
                Arguments.of("four signatures for three keys", framed(body(transaction(), 4)), FileFormatFailure.MALFORMED),
                Arguments.of("key index 3 of 3", framed(withSignatures(new TxSignature(3, signature.signature()))), FileFormatFailure.MALFORMED),
                Arguments.of("indexes descending", framed(withSignatures(new TxSignature(1, signature.signature()),
                        new TxSignature(0, signature.signature()))), FileFormatFailure.MALFORMED),
                Arguments.of("one index twice", framed(withSignatures(new TxSignature(1, signature.signature()),
                        new TxSignature(1, signature.signature()))), FileFormatFailure.MALFORMED),
                Arguments.of("transaction length past the body", framed(lengthPrefixed(Integer.MAX_VALUE, transaction())),
                        FileFormatFailure.MALFORMED),
                Arguments.of("a signature altered", framed(withSignatures(new TxSignature(signature.keyIndex(),
                        new MlDsaSignature(Bytes.of(wrongSignature))))), FileFormatFailure.INVALID),
                Arguments.of("a sender that is not the policy's address", framed(body(TransactionCodec.encode(
                        new io.numicoin.protocol.tx.TransferTx(TransferFixtures.REGTEST.chainId(), TransferFixtures.recipient(), 1,
                                TransferFixtures.recipient(), Amount.ofUnits(5), Amount.ofUnits(1), 0, Bytes.EMPTY, TWO_OF_THREE, List.of())),
                        0)), FileFormatFailure.INVALID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithItsReason(String what, byte[] file, FileFormatFailure reason) {
        assertThatThrownBy(() -> PartialTransferCheck.verify(PartialTransferCodec.decode(file)))
                .isInstanceOfSatisfying(FileFormatException.class, e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    @Test
    void aCutAtAnyLengthIsTruncatedOrNotThisFormat() {
        for (int length = 0; length < FILE.length; length++) {
            byte[] cut = Arrays.copyOf(FILE, length);
            FileFormatFailure expected = length == 0 ? FileFormatFailure.NOT_THIS_FORMAT : FileFormatFailure.TRUNCATED;
            int at = length;
            assertThatThrownBy(() -> PartialTransferCodec.decode(cut)).as("cut at %d", at)
                    .isInstanceOfSatisfying(FileFormatException.class, e -> assertThat(e.reason()).isEqualTo(expected));
        }
    }

    @Test
    void everyFlippedByteIsRefused() {
        for (int i = 0; i < FILE.length; i++) {
            byte[] flipped = FILE.clone();
            flipped[i] ^= (byte) 0x40;
            int at = i;
            assertThatThrownBy(() -> PartialTransferCodec.decode(flipped)).as("byte %d", at).isInstanceOf(FileFormatException.class);
        }
    }

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    /** Random edits of the body under a matching checksum: refused, or decoded to a transfer that re-encodes to the same bytes. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void seededBodyEditsAreRefusedOrCanonical(int seed) {
        Random random = new Random(seed);
        byte[] body = Arrays.copyOfRange(FILE, 14, FILE.length - 32);
        for (int edit = 0; edit < 1 + random.nextInt(4); edit++) {
            switch (random.nextInt(3)) {
                case 0 -> body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                case 1 -> body = Arrays.copyOf(body, random.nextInt(body.length + 1));
                default -> {
                    int at = random.nextInt(Math.min(body.length, 400));
                    body[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
        }
        byte[] file = framed(body);
        try {
            PartialTransfer decoded = PartialTransferCodec.decode(file);
            assertThat(PartialTransferCodec.encode(decoded)).isEqualTo(file);
        } catch (FileFormatException e) {
            assertThat(e.reason()).isIn(FileFormatFailure.MALFORMED, FileFormatFailure.INVALID);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static byte[] transaction() {
        return TransactionCodec.encode(SIGNED_ONCE.transaction());
    }

    private static byte[] body(byte[] transaction, int signatureCount) {
        return new ByteWriter(64).i32(transaction.length).bytes(transaction).u8(signatureCount).toByteArray();
    }

    private static byte[] lengthPrefixed(int length, byte[] transaction) {
        return new ByteWriter(64).i32(length).bytes(transaction).u8(0).toByteArray();
    }

    private static byte[] withSignatures(TxSignature... signatures) {
        byte[] transaction = transaction();
        ByteWriter writer = new ByteWriter(64).i32(transaction.length).bytes(transaction).u8(signatures.length);
        for (TxSignature signature : signatures) {
            writer.u8(signature.keyIndex()).bytes(signature.signature().bytes());
        }
        return writer.toByteArray();
    }

    private static byte[] framed(byte[] body) {
        return PartialTransferCodec.FORMAT.encode(body);
    }
}

package io.numicoin.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UndoDataCodecTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String A = "11".repeat(32);
    private static final String B = "22".repeat(32);
    private static final Address ADDRESS_A = new Address(Hash256.fromHex(A));
    private static final Address ADDRESS_B = new Address(Hash256.fromHex(B));

    /** Undo of block 105 in which B sent its first transfer to A (new) and the reward of block 5 matured to B. */
    static final UndoData GOLDEN = new UndoData(105, new StateChanges(
            List.of(new AccountEntry(ADDRESS_A, Account.ZERO), new AccountEntry(ADDRESS_B, new Account(Amount.ofUnits(500), 0))),
            List.of(new ImmatureReward(5, ADDRESS_B, Amount.ofUnits(8_888_000_000L))),
            List.of(105L)));

    static final String GOLDEN_HEX = "0000000000000069" + "00000002"
            + A + "0000000000000000" + "0000000000000000"
            + B + "00000000000001f4" + "0000000000000000"
            + "01" + "0000000000000005" + B + "0000000211c41e00"
            + "01" + "0000000000000069";

    @Test
    void goldenVector() throws DecodeException {
        assertThat(HEX.formatHex(UndoDataCodec.encode(GOLDEN))).isEqualTo(GOLDEN_HEX);
        assertThat(UndoDataCodec.decode(HEX.parseHex(GOLDEN_HEX))).isEqualTo(GOLDEN);
    }

    @Test
    void emptyUndoData() throws DecodeException {
        UndoData empty = new UndoData(0, StateChanges.NONE);
        assertThat(HEX.formatHex(UndoDataCodec.encode(empty))).isEqualTo("0000000000000000" + "00000000" + "00" + "00");
        assertThat(UndoDataCodec.decode(UndoDataCodec.encode(empty))).isEqualTo(empty);
    }

    @Test
    void randomUndoDataRoundTrips() throws DecodeException {
        Random random = new Random(4);
        for (int i = 0; i < 300; i++) {
            UndoData undo = randomUndo(random);
            byte[] encoded = UndoDataCodec.encode(undo);
            assertThat(UndoDataCodec.decode(encoded)).isEqualTo(undo);
            assertThat(UndoDataCodec.encode(UndoDataCodec.decode(encoded))).isEqualTo(encoded);
        }
    }

    static UndoData randomUndo(Random random) {
        List<Address> addresses = new ArrayList<>();
        for (int j = random.nextInt(12); j > 0; j--) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            addresses.add(new Address(Hash256.of(hash)));
        }
        List<AccountEntry> accounts = addresses.stream().distinct().sorted()
                .map(a -> new AccountEntry(a, random.nextInt(4) == 0 ? Account.ZERO
                        : new Account(Amount.ofUnits(random.nextLong(Amount.MAX_MONEY + 1)), random.nextLong(1_000))))
                .toList();
        long height = random.nextLong(1_000_000);
        List<ImmatureReward> put = random.nextBoolean() || height < 100 ? List.of()
                : List.of(new ImmatureReward(height - 100, addresses.isEmpty() ? ADDRESS_A : addresses.getFirst(), Amount.ofUnits(1 + random.nextLong(1_000_000))));
        List<Long> deleted = random.nextBoolean() ? List.of() : List.of(height);
        return new UndoData(height, new StateChanges(accounts, put, deleted));
    }

    @Test
    void nonCanonicalOrderIsRejected() {
        String swapped = GOLDEN_HEX.replace(A, "__").replace(B, A).replace("__", B);
        assertDecodeError(swapped, DecodeError.NON_CANONICAL);
        String twiceA = GOLDEN_HEX.replace(B + "00000000000001f4", A + "00000000000001f4");
        assertDecodeError(twiceA, DecodeError.NON_CANONICAL);
        String putAndDelete = "0000000000000069" + "00000000" + "01" + "0000000000000005" + B + "0000000000000001" + "01" + "0000000000000005";
        assertDecodeError(putAndDelete, DecodeError.NON_CANONICAL);
        String deletesDescending = "0000000000000069" + "00000000" + "00" + "02" + "0000000000000069" + "0000000000000005";
        assertDecodeError(deletesDescending, DecodeError.NON_CANONICAL);
    }

    @Test
    void valuesOutOfRangeAreRejected() {
        assertDecodeError("8000000000000000" + "00000000" + "00" + "00", DecodeError.OUT_OF_RANGE);
        assertDecodeError(GOLDEN_HEX.replace("00000000000001f4", "0007028e864eb011"), DecodeError.OUT_OF_RANGE);
        assertDecodeError(GOLDEN_HEX.replace("0000000211c41e00", "0000000000000000"), DecodeError.OUT_OF_RANGE);
        assertDecodeError("0000000000000069" + "00000001" + A + "0000000000000000" + "ffffffffffffffff" + "00" + "00", DecodeError.OUT_OF_RANGE);
    }

    @Test
    void oversizedAndTruncatedInputsAreRejectedBeforeAllocating() {
        assertDecodeError("0000000000000069" + "00004e21", DecodeError.TOO_LARGE);
        assertDecodeError("0000000000000069" + "00004e20", DecodeError.TRUNCATED);
        assertDecodeError("0000000000000069" + "ffffffff", DecodeError.TOO_LARGE);
        assertDecodeError("0000000000000069" + "00000000" + "03", DecodeError.TOO_LARGE);
        assertDecodeError("0000000000000069" + "00000000" + "00" + "03", DecodeError.TOO_LARGE);
        assertDecodeError(GOLDEN_HEX.substring(0, GOLDEN_HEX.length() - 2), DecodeError.TRUNCATED);
        assertDecodeError(GOLDEN_HEX + "00", DecodeError.TRAILING_BYTES);
        assertDecodeError("", DecodeError.TRUNCATED);
    }

    private static void assertDecodeError(String hex, DecodeError error) {
        assertThatThrownBy(() -> UndoDataCodec.decode(Bytes.fromHex(hex).toArray()))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.error()).isEqualTo(error));
    }
}

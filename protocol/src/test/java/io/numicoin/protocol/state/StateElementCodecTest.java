package io.numicoin.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StateElementCodecTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Address ADDRESS = new Address(Hash256.fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
    private static final String ADDRESS_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void accountGoldenVector() throws DecodeException {
        AccountEntry entry = new AccountEntry(ADDRESS, new Account(Amount.ofUnits(8_888_000_000L), 3));
        String expected = "01" + ADDRESS_HEX + "0000000211c41e00" + "0000000000000003";
        assertThat(HEX.formatHex(StateElementCodec.encode(entry))).isEqualTo(expected);
        assertThat(StateElementCodec.decode(HEX.parseHex(expected))).isEqualTo(entry);
    }

    @Test
    void immatureRewardGoldenVector() throws DecodeException {
        ImmatureReward reward = new ImmatureReward(111_000, ADDRESS, Amount.ofUnits(1));
        String expected = "02" + "000000000001b198" + ADDRESS_HEX + "0000000000000001";
        assertThat(HEX.formatHex(StateElementCodec.encode(reward))).isEqualTo(expected);
        assertThat(StateElementCodec.decode(HEX.parseHex(expected))).isEqualTo(reward);
    }

    @Test
    void randomElementsRoundTrip() throws DecodeException {
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            Address address = new Address(Hash256.of(hash));
            Amount amount = Amount.ofUnits(1 + random.nextLong(Amount.MAX_MONEY));
            StateElement element = random.nextBoolean()
                    ? new AccountEntry(address, new Account(amount, random.nextLong(Long.MAX_VALUE)))
                    : new ImmatureReward(random.nextLong(Long.MAX_VALUE), address, amount);
            byte[] encoded = StateElementCodec.encode(element);
            assertThat(encoded).hasSize(StateElementCodec.SIZE);
            assertThat(StateElementCodec.decode(encoded)).isEqualTo(element);
        }
    }

    @Test
    void anEmptyAccountIsNotAnElement() {
        assertThatThrownBy(() -> StateElementCodec.encode(new AccountEntry(ADDRESS, Account.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertDecodeError("01" + ADDRESS_HEX + "0000000000000000" + "0000000000000000", DecodeError.OUT_OF_RANGE);
    }

    @Test
    void malformedElementsAreRejected() {
        assertDecodeError("03" + ADDRESS_HEX + "0000000000000001" + "0000000000000000", DecodeError.OUT_OF_RANGE);
        assertDecodeError("01" + ADDRESS_HEX + "0007028e864eb011" + "0000000000000000", DecodeError.OUT_OF_RANGE);
        assertDecodeError("01" + ADDRESS_HEX + "0000000000000001" + "8000000000000000", DecodeError.OUT_OF_RANGE);
        assertDecodeError("02" + "0000000000000001" + ADDRESS_HEX + "0000000000000000", DecodeError.OUT_OF_RANGE);
        assertDecodeError("01" + ADDRESS_HEX + "0000000000000001" + "00000000000000", DecodeError.TRUNCATED);
        assertDecodeError("01" + ADDRESS_HEX + "0000000000000001" + "0000000000000000" + "00", DecodeError.TRAILING_BYTES);
        assertDecodeError("", DecodeError.TRUNCATED);
    }

    private static void assertDecodeError(String hex, DecodeError error) {
        assertThatThrownBy(() -> StateElementCodec.decode(Bytes.fromHex(hex).toArray()))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.error()).isEqualTo(error));
    }
}

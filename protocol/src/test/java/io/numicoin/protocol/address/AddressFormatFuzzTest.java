package io.numicoin.protocol.address;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import java.util.Arrays;
import java.util.Locale;

/**
 * Jazzer fuzz tests of address and bech32m decoding. Under {@code ./mvnw test} they run in
 * regression mode over the inputs in {@code AddressFormatFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} they fuzz. Decoding must either succeed, and then re-encode to the same
 * string, or throw {@link AddressDecodeException}: never anything else.
 */
class AddressFormatFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void addressDecodingAcceptsOnlyWhatItWouldEncode(FuzzedDataProvider data) {
        AddressHrp hrp = data.pickValue(AddressHrp.values());
        String text = data.consumeRemainingAsString();
        try {
            Address address = AddressFormat.decode(text, hrp);
            assertThat(AddressFormat.encode(address, hrp)).isEqualTo(text.toLowerCase(Locale.ROOT));
        } catch (AddressDecodeException e) {
            assertThat(e.error()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void bech32mDecodingAcceptsOnlyWhatItWouldEncode(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            Bech32mData decoded = Bech32m.decode(text);
            assertThat(Bech32m.encode(decoded.hrp(), decoded.values())).isEqualTo(text.toLowerCase(Locale.ROOT));
        } catch (AddressDecodeException e) {
            assertThat(e.error()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void everyAddressRoundTrips(FuzzedDataProvider data) throws AddressDecodeException {
        AddressHrp hrp = data.pickValue(AddressHrp.values());
        Address address = new Address(new Hash256(Bytes.of(padded(data.consumeBytes(Hash256.SIZE)))));
        assertThat(AddressFormat.decode(AddressFormat.encode(address, hrp), hrp)).isEqualTo(address);
    }

    private static byte[] padded(byte[] bytes) {
        return Arrays.copyOf(bytes, Hash256.SIZE);
    }
}

package io.numicoin.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.testing.GoldenFixtures;
import io.numicoin.protocol.testing.RandomProtocolValues;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpendingPolicyCodecTest {

    private static DecodeError decodeError(byte[] bytes) {
        try {
            SpendingPolicy policy = SpendingPolicyCodec.decode(bytes);
            throw new AssertionError("decoded to " + policy);
        } catch (DecodeException e) {
            return e.error();
        }
    }

    private static byte[] twoOfThree() {
        return SpendingPolicyCodec.encode(new SpendingPolicy(2, List.of(GoldenFixtures.key(1), GoldenFixtures.key(2),
                GoldenFixtures.key(3))));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomPoliciesRoundTrip(long seed) throws DecodeException {
        RandomProtocolValues values = new RandomProtocolValues(seed);
        for (int i = 0; i < 30; i++) {
            SpendingPolicy policy = values.policy();
            byte[] bytes = SpendingPolicyCodec.encode(policy);

            assertThat(bytes).hasSize(2 + policy.keys().size() * MlDsaPublicKey.SIZE);
            assertThat(SpendingPolicyCodec.decode(bytes)).isEqualTo(policy);
        }
    }

    @Test
    void keyCountOutside1To16IsOutOfRange() {
        assertThat(decodeError(new byte[] {1, 0})).isEqualTo(DecodeError.OUT_OF_RANGE);
        assertThat(decodeError(new byte[] {1, 17})).isEqualTo(DecodeError.OUT_OF_RANGE);
    }

    @Test
    void thresholdOutside1ToKeyCountIsOutOfRange() {
        byte[] bytes = twoOfThree();
        bytes[0] = 0;
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.OUT_OF_RANGE);
        bytes[0] = 4;
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.OUT_OF_RANGE);
    }

    @Test
    void repeatedKeyIsOutOfRange() {
        byte[] bytes = twoOfThree();
        System.arraycopy(bytes, 2, bytes, 2 + MlDsaPublicKey.SIZE, MlDsaPublicKey.SIZE);
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.OUT_OF_RANGE);
    }

    @Test
    void trailingAndMissingBytesAreRefused() {
        byte[] bytes = twoOfThree();
        assertThat(decodeError(Arrays.copyOf(bytes, bytes.length + 1))).isEqualTo(DecodeError.TRAILING_BYTES);
        assertThat(decodeError(Arrays.copyOf(bytes, bytes.length - 1))).isEqualTo(DecodeError.TRUNCATED);
    }
}

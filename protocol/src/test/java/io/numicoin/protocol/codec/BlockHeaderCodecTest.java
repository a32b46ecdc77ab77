package io.numicoin.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.testing.RandomProtocolValues;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockHeaderCodecTest {

    private static final int HEIGHT = 4;
    private static final int TIMESTAMP = 4 + 8 + 3 * 32;
    private static final int TARGET = TIMESTAMP + 8;

    private static DecodeError decodeError(byte[] bytes) {
        try {
            BlockHeader header = BlockHeaderCodec.decode(bytes);
            throw new AssertionError("decoded to " + header);
        } catch (DecodeException e) {
            return e.error();
        }
    }

    private static BlockHeader header(CompactTarget target) {
        return new BlockHeader(1, 5, Hash256.ZERO, Hash256.ZERO, Hash256.ZERO, 1_000, target, 9);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomHeadersRoundTrip(long seed) throws DecodeException {
        RandomProtocolValues values = new RandomProtocolValues(seed);
        for (int i = 0; i < 200; i++) {
            BlockHeader header = values.header();
            byte[] bytes = BlockHeaderCodec.encode(header);

            assertThat(bytes).hasSize(BlockHeaderCodec.SIZE);
            assertThat(BlockHeaderCodec.decode(bytes)).isEqualTo(header);
        }
    }

    @Test
    void easiestTargetsRoundTrip() throws DecodeException {
        for (BigInteger target : new BigInteger[] {
                BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(255), BigInteger.ONE}) {
            BlockHeader header = header(CompactTarget.fromTarget(target));
            assertThat(BlockHeaderCodec.decode(BlockHeaderCodec.encode(header))).isEqualTo(header);
        }
    }

    @Test
    void nonCanonicalTargetIsRefused() {
        byte[] bytes = BlockHeaderCodec.encode(header(CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(200))));
        ByteBuffer.wrap(bytes).putInt(TARGET, 0x1a00_1000);
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.NON_CANONICAL);
        ByteBuffer.wrap(bytes).putInt(TARGET, 0);
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.NON_CANONICAL);
    }

    @Test
    void heightOrTimestampAtOrAbove2To63IsOutOfRange() {
        byte[] height = BlockHeaderCodec.encode(header(CompactTarget.fromTarget(BigInteger.TEN)));
        height[HEIGHT] = (byte) 0x80;
        assertThat(decodeError(height)).isEqualTo(DecodeError.OUT_OF_RANGE);

        byte[] timestamp = BlockHeaderCodec.encode(header(CompactTarget.fromTarget(BigInteger.TEN)));
        timestamp[TIMESTAMP] = (byte) 0x80;
        assertThat(decodeError(timestamp)).isEqualTo(DecodeError.OUT_OF_RANGE);
    }

    @Test
    void wrongLengthIsRefused() {
        byte[] bytes = BlockHeaderCodec.encode(header(CompactTarget.fromTarget(BigInteger.TEN)));
        assertThat(decodeError(Arrays.copyOf(bytes, 127))).isEqualTo(DecodeError.TRUNCATED);
        assertThat(decodeError(Arrays.copyOf(bytes, 129))).isEqualTo(DecodeError.TRAILING_BYTES);
    }
}

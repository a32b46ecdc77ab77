package io.numicoin.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.testing.GoldenFixtures;
import io.numicoin.protocol.testing.RandomProtocolValues;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockCodecTest {

    private static final int COUNT = BlockHeaderCodec.SIZE;

    private static DecodeError decodeError(byte[] bytes) {
        try {
            Block block = BlockCodec.decode(bytes);
            throw new AssertionError("decoded to " + block);
        } catch (DecodeException e) {
            return e.error();
        }
    }

    private static byte[] threeTxBlock() {
        return BlockCodec.encode(GoldenFixtures.blocks().get("block-3tx"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomBlocksRoundTrip(long seed) throws DecodeException {
        RandomProtocolValues values = new RandomProtocolValues(seed);
        for (int i = 0; i < 5; i++) {
            Block block = values.block(6);
            byte[] bytes = BlockCodec.encode(block);

            assertThat(BlockCodec.decode(bytes)).isEqualTo(block);
            assertThat(BlockCodec.encodedSize(block)).isEqualTo(bytes.length);
        }
    }

    @Test
    void anyTransactionOrderDecodes() throws DecodeException {
        List<Transaction> transfersOnly = List.of(GoldenFixtures.singleKeyTransfer(1), GoldenFixtures.twoOfThreeTransfer(2));
        Block block = GoldenFixtures.block(transfersOnly);
        assertThat(BlockCodec.decode(BlockCodec.encode(block))).isEqualTo(block);
    }

    @Test
    void countOfZeroIsOutOfRange() {
        byte[] bytes = Arrays.copyOf(threeTxBlock(), BlockCodec.PREFIX_SIZE);
        ByteBuffer.wrap(bytes).putInt(COUNT, 0);
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.OUT_OF_RANGE);
    }

    @Test
    void countOverTheLimitIsTooLargeBeforeAnyTransactionIsRead() {
        byte[] bytes = threeTxBlock();
        ByteBuffer.wrap(bytes).putInt(COUNT, ProtocolLimits.MAX_BLOCK_TRANSACTIONS + 1);
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.TOO_LARGE);
        ByteBuffer.wrap(bytes).putInt(COUNT, -1);
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.TOO_LARGE);
    }

    @Test
    void countTheBytesCannotHoldIsTruncatedBeforeAllocating() {
        byte[] bytes = threeTxBlock();
        ByteBuffer.wrap(bytes).putInt(COUNT, ProtocolLimits.MAX_BLOCK_TRANSACTIONS);
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.TRUNCATED);
    }

    @Test
    void countBelowTheTransactionsPresentLeavesTrailingBytes() {
        byte[] bytes = threeTxBlock();
        ByteBuffer.wrap(bytes).putInt(COUNT, 2);
        assertThat(decodeError(bytes)).isEqualTo(DecodeError.TRAILING_BYTES);
    }

    @Test
    void inputOver2MiBIsRefusedUnread() {
        assertThat(decodeError(new byte[ProtocolLimits.MAX_BLOCK_BYTES + 1])).isEqualTo(DecodeError.TOO_LARGE);
    }

    @Test
    void trailingAndMissingBytesAreRefused() {
        byte[] bytes = threeTxBlock();
        assertThat(decodeError(Arrays.copyOf(bytes, bytes.length + 1))).isEqualTo(DecodeError.TRAILING_BYTES);
        assertThat(decodeError(Arrays.copyOf(bytes, bytes.length - 1))).isEqualTo(DecodeError.TRUNCATED);
        assertThat(decodeError(Arrays.copyOf(bytes, BlockHeaderCodec.SIZE))).isEqualTo(DecodeError.TRUNCATED);
    }

    @Test
    void encodeRefusesBlocksNoDecoderWouldAccept() {
        Block empty = GoldenFixtures.block(List.of());
        assertThatThrownBy(() -> BlockCodec.encode(empty)).isInstanceOf(IllegalArgumentException.class);

        List<Transaction> tooMany = Collections.nCopies(ProtocolLimits.MAX_BLOCK_TRANSACTIONS + 1, GoldenFixtures.coinbase(1));
        Block huge = new Block(empty.header(), tooMany);
        assertThatThrownBy(() -> BlockCodec.encode(huge)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.numicoin.network.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.testkit.ChainBuilder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyncCodecTest {

    final ChainBuilder builder = ChainBuilder.regtest();

    @Test
    void statusHasAFixedLayout() throws DecodeException {
        Hash256 genesis = Hash256.of(filled(0x11));
        Hash256 tip = Hash256.of(filled(0x22));
        ChainStatusMessage status = new ChainStatusMessage(genesis, tip, 258, BigInteger.valueOf(0x1234));
        byte[] bytes = SyncCodec.encodeStatus(status);
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("11".repeat(32) + "22".repeat(32) + "0000000000000102" + "02" + "1234");
        assertThat(SyncCodec.decodeStatus(bytes)).isEqualTo(status);
    }

    @Test
    void statusRoundTripsAnyWorkUpTo2To256() throws DecodeException {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            BigInteger work = new BigInteger(1 + random.nextInt(256), random);
            ChainStatusMessage status = new ChainStatusMessage(Hash256.of(bytes(random)), Hash256.of(bytes(random)), random.nextLong(1L << 40), work);
            assertThat(SyncCodec.decodeStatus(SyncCodec.encodeStatus(status))).isEqualTo(status);
        }
        ChainStatusMessage max = new ChainStatusMessage(Hash256.ZERO, Hash256.ZERO, 0, BigInteger.TWO.pow(256));
        assertThat(SyncCodec.encodeStatus(max)).hasSize(SyncCodec.STATUS_BYTES_MAX);
    }

    @Test
    void malformedStatusesAreRefused() {
        byte[] good = SyncCodec.encodeStatus(new ChainStatusMessage(Hash256.ZERO, Hash256.ZERO, 1, BigInteger.ONE));
        assertRefused(() -> SyncCodec.decodeStatus(Arrays.copyOf(good, good.length - 1)), DecodeError.TRUNCATED);
        assertRefused(() -> SyncCodec.decodeStatus(Arrays.copyOf(good, good.length + 1)), DecodeError.TRAILING_BYTES);
        byte[] negative = good.clone();
        negative[negative.length - 1] = (byte) 0xff;
        assertRefused(() -> SyncCodec.decodeStatus(negative), DecodeError.OUT_OF_RANGE);
        byte[] longWork = good.clone();
        longWork[72] = 34;
        assertRefused(() -> SyncCodec.decodeStatus(longWork), DecodeError.OUT_OF_RANGE);
    }

    @Test
    void headersRequestsAreBounded() throws DecodeException {
        List<Hash256> locator = List.of(Hash256.of(filled(1)), Hash256.of(filled(2)));
        byte[] bytes = SyncCodec.encodeHeadersRequest(new SyncCodec.HeadersRequest(locator, 2_000));
        assertThat(bytes).hasSize(3 + 64);
        assertThat(SyncCodec.decodeHeadersRequest(bytes)).isEqualTo(new SyncCodec.HeadersRequest(locator, 2_000));
        byte[] tooMany = bytes.clone();
        tooMany[0] = 0x07;
        tooMany[1] = (byte) 0xd1; // 2,001
        assertRefused(() -> SyncCodec.decodeHeadersRequest(tooMany), DecodeError.OUT_OF_RANGE);
        byte[] longLocator = bytes.clone();
        longLocator[2] = 65;
        assertRefused(() -> SyncCodec.decodeHeadersRequest(longLocator), DecodeError.OUT_OF_RANGE);
        assertRefused(() -> SyncCodec.decodeHeadersRequest(Arrays.copyOf(bytes, 3 + 40)), DecodeError.TRUNCATED);
    }

    @Test
    void headersRoundTripAndMoreThanAskedIsRefused() throws DecodeException {
        List<BlockHeader> headers = new ArrayList<>();
        for (Block block : builder.extend(builder.genesis(), 5, 1)) {
            headers.add(block.header());
        }
        byte[] bytes = SyncCodec.encodeHeaders(headers);
        assertThat(bytes).hasSize(2 + 5 * BlockHeaderCodec.SIZE);
        assertThat(SyncCodec.decodeHeaders(bytes, 5)).isEqualTo(headers);
        assertRefused(() -> SyncCodec.decodeHeaders(bytes, 4), DecodeError.TOO_LARGE);
        assertThat(SyncCodec.decodeHeaders(SyncCodec.encodeHeaders(List.of()), 1)).isEmpty();
        assertThat(SyncCodec.HEADERS_RESPONSE_BYTES_MAX).isEqualTo(2 + 2_000 * 128);
    }

    @Test
    void blockRequestsAreOneId() throws DecodeException {
        Hash256 id = Hash256.of(filled(9));
        assertThat(SyncCodec.decodeBlockRequest(SyncCodec.encodeBlockRequest(id))).isEqualTo(id);
        assertRefused(() -> SyncCodec.decodeBlockRequest(new byte[33]), DecodeError.TRAILING_BYTES);
    }

    interface Decoding {
        Object run() throws DecodeException;
    }

    static void assertRefused(Decoding decoding, DecodeError error) {
        assertThatThrownBy(decoding::run).isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static byte[] bytes(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }
}

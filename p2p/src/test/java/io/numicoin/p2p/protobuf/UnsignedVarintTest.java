package io.numicoin.p2p.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnsignedVarintTest {

    @ParameterizedTest
    @CsvSource({"0,00", "1,01", "127,7f", "128,8001", "255,ff01", "300,ac02", "16384,808001",
        "9223372036854775807,ffffffffffffffff7f"})
    void encodesTheMultiformatsVectors(long value, String hex) throws Exception {
        assertThat(HexFormat.of().formatHex(UnsignedVarint.encode(value))).isEqualTo(hex);
        assertThat(UnsignedVarint.decode(HexFormat.of().parseHex(hex), 0, Long.MAX_VALUE).value()).isEqualTo(value);
        assertThat(UnsignedVarint.size(value)).isEqualTo(hex.length() / 2);
    }

    @Test
    void roundTripsRandomValues() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long value = random.nextLong() >>> (1 + random.nextInt(63));
            byte[] encoded = UnsignedVarint.encode(value);
            UnsignedVarint.Decoded decoded = UnsignedVarint.decode(encoded, 0, Long.MAX_VALUE);
            assertThat(decoded.value()).isEqualTo(value);
            assertThat(decoded.length()).isEqualTo(encoded.length);
        }
    }

    @Test
    void refusesNonMinimalOverlongAndOverLimit() {
        assertThatThrownBy(() -> UnsignedVarint.decode(HexFormat.of().parseHex("8000"), 0, 1000))
                .isInstanceOf(ProtobufException.class).hasMessageContaining("non-minimal");
        assertThatThrownBy(() -> UnsignedVarint.decode(HexFormat.of().parseHex("ffffffffffffffffff01"), 0, Long.MAX_VALUE))
                .isInstanceOf(ProtobufException.class).hasMessageContaining("longer than 9");
        assertThatThrownBy(() -> UnsignedVarint.decode(HexFormat.of().parseHex("ac02"), 0, 299))
                .isInstanceOf(ProtobufException.class).hasMessageContaining("exceeds 299");
        assertThatThrownBy(() -> UnsignedVarint.decode(HexFormat.of().parseHex("80"), 0, 1000))
                .isInstanceOf(ProtobufException.class).hasMessageContaining("truncated");
    }

    @Test
    void tryReadWaitsForMoreBytesWithoutConsuming() throws Exception {
        var buf = Unpooled.wrappedBuffer(HexFormat.of().parseHex("ac"));
        assertThat(UnsignedVarint.tryRead(buf, 1000)).isEqualTo(UnsignedVarint.INCOMPLETE);
        assertThat(buf.readerIndex()).isZero();
        buf = Unpooled.wrappedBuffer(HexFormat.of().parseHex("ac02ff"));
        assertThat(UnsignedVarint.tryRead(buf, 1000)).isEqualTo(300);
        assertThat(buf.readerIndex()).isEqualTo(2);
    }
}

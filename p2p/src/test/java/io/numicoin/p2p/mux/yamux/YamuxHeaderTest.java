package io.numicoin.p2p.mux.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamuxHeaderTest {

    @Test
    void writesTheSpecLayout() throws Exception {
        ByteBuf buf = Unpooled.buffer();
        new YamuxHeader(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_SYN, 3, 262144).write(buf);
        assertThat(HexFormat.of().formatHex(buf.array(), 0, buf.writerIndex())).isEqualTo("000100010000000300040000");
        YamuxHeader read = YamuxHeader.tryRead(buf);
        assertThat(read).isEqualTo(new YamuxHeader(1, 1, 3, 262144));
        assertThat(read.has(YamuxHeader.FLAG_SYN)).isTrue();
        assertThat(read.has(YamuxHeader.FLAG_ACK)).isFalse();
    }

    @Test
    void waitsForTwelveBytes() throws Exception {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[11]);
        assertThat(YamuxHeader.tryRead(buf)).isNull();
        assertThat(buf.readerIndex()).isZero();
    }

    @Test
    void readsTheFullUnsignedLength() throws Exception {
        YamuxHeader h = YamuxHeader.tryRead(Unpooled.wrappedBuffer(HexFormat.of().parseHex("0002000100000000ffffffff")));
        assertThat(h.length()).isEqualTo(0xFFFFFFFFL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "010000000000000100000000", // version 1
        "000400000000000100000000", // type 4
        "000000100000000100000000", // unknown flag 0x10
        "000200010000000100000000", // ping on a stream
        "000000000000000000000000", // data on stream 0
        "000300000000000500000000", // go away on a stream
    })
    void refusesMalformedHeaders(String hex) {
        assertThatThrownBy(() -> YamuxHeader.tryRead(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex))))
                .isInstanceOf(YamuxException.class);
    }
}

package io.numicoin.p2p.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ProtoReaderTest {

    @Test
    void readsWhatTheWriterWroteAndSkipsUnknownFields() throws Exception {
        byte[] bytes = new ProtoWriter().writeVarint(1, 150).writeString(2, "testing").writeBytes(7, new byte[] {1, 2})
                .writeBool(3, true).toByteArray();
        // field 1 varint 150 is the protobuf documentation's example: 08 96 01
        assertThat(HexFormat.of().formatHex(bytes)).startsWith("089601120774657374696e67");
        ProtoReader r = new ProtoReader(bytes);
        long number = 0;
        String text = null;
        boolean flag = false;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> number = r.readVarint();
                case 2 -> text = r.readString(16);
                case 3 -> flag = r.readBool();
                default -> r.skip();
            }
        }
        assertThat(number).isEqualTo(150);
        assertThat(text).isEqualTo("testing");
        assertThat(flag).isTrue();
    }

    @Test
    void skipsFixedWidthFields() throws Exception {
        // field 4 fixed64, field 5 fixed32, then field 1 varint 1
        byte[] bytes = HexFormat.of().parseHex("21" + "0102030405060708" + "2d" + "01020304" + "0801");
        ProtoReader r = new ProtoReader(bytes);
        long last = -1;
        while (r.next()) {
            if (r.field() == 1) {
                last = r.readVarint();
            } else {
                r.skip();
            }
        }
        assertThat(last).isEqualTo(1);
    }

    @Test
    void refusesMalformedInput() {
        assertThatThrownBy(() -> readAll("0a05616263")).hasMessageContaining("past the end");
        assertThatCode(() -> readAll("0a03616263")).doesNotThrowAnyException();
        assertThatThrownBy(() -> readAll("0b")).hasMessageContaining("wire type 3");
        assertThatThrownBy(() -> readAll("00")).hasMessageContaining("field number");
        assertThatThrownBy(() -> readAll("08ffffffffffffffffffff01")).hasMessageContaining("10 bytes");
        // a length whose 10-byte varint sets the sign bit (found by fuzzing)
        assertThatThrownBy(() -> readAll("0a80808080808080808001")).isInstanceOf(ProtobufException.class);
        assertThatThrownBy(() -> new ProtoReaderTestHelper("0a0461626364").readBytesLimited(3)).hasMessageContaining("limit 3");
        assertThatThrownBy(() -> new ProtoReaderTestHelper("0a02c328").readString()).hasMessageContaining("UTF-8");
    }

    private static void readAll(String hex) throws ProtobufException {
        ProtoReader r = new ProtoReader(HexFormat.of().parseHex(hex));
        while (r.next()) {
            r.skip();
        }
    }

    private record ProtoReaderTestHelper(String hex) {
        byte[] readBytesLimited(int max) throws ProtobufException {
            ProtoReader r = new ProtoReader(HexFormat.of().parseHex(hex));
            r.next();
            return r.readBytes(max);
        }

        String readString() throws ProtobufException {
            ProtoReader r = new ProtoReader(HexFormat.of().parseHex(hex));
            r.next();
            return r.readString(100);
        }
    }
}

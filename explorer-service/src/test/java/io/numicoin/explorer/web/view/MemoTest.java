package io.numicoin.explorer.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MemoTest {

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void utf8TextIsShownAsText() {
        Memo memo = Memo.of(hex("paid invoice 42 ✓".getBytes(StandardCharsets.UTF_8)));
        assertThat(memo.text()).isEqualTo("paid invoice 42 ✓");
        assertThat(memo.length()).isEqualTo("paid invoice 42 ✓".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void bytesThatAreNotTextStayHex() {
        assertThat(Memo.of("ff00fe").text()).isNull();
        assertThat(Memo.of(hex("a\u0007b".getBytes(StandardCharsets.UTF_8))).text()).isNull();
        assertThat(Memo.of("").length()).isZero();
        assertThat(Memo.of(null).text()).isNull();
    }
}

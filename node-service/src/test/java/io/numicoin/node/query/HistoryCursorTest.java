package io.numicoin.node.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistoryCursorTest {

    @Test
    void aCursorRoundTripsThroughItsText() {
        HistoryCursor cursor = new HistoryCursor(12_345, 7);
        assertThat(cursor.toString()).isEqualTo("12345-7");
        assertThat(HistoryCursor.parse("12345-7")).contains(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "5", "5-", "-5", "a-1", "1-b", "1-2-3", "-1-2", "99999999999999999999-1", "1-99999999999"})
    void malformedCursorsAreRefused(String text) {
        assertThat(HistoryCursor.parse(text)).isEmpty();
    }
}

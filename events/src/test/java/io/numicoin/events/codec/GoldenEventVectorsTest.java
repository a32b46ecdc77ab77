package io.numicoin.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.Event;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.EventType;
import io.numicoin.events.testing.EventFixtures;
import io.numicoin.protocol.testing.GoldenFile;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed vectors in {@code golden/events.txt}: each fixture must have the committed topic,
 * key and value, and the value must decode back to it. A failure means the wire format changed.
 */
class GoldenEventVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    static List<GoldenFile.Case> events() {
        return GoldenFile.read("events.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void encodingKeyAndDecoding(GoldenFile.Case golden) throws EventDecodeException {
        Event fixture = EventFixtures.events().get(golden.label());
        byte[] value = HEX.parseHex(golden.field(2));

        assertThat(EventCodecs.topic(fixture)).isEqualTo(golden.field(0));
        assertThat(HEX.formatHex(EventCodecs.key(fixture))).isEqualTo(golden.field(1));
        assertThat(HEX.formatHex(EventCodecs.encode(fixture))).isEqualTo(golden.field(2));
        assertThat(EventCodecs.decode(golden.field(0), value)).isEqualTo(fixture);
    }

    @Test
    void everyFixtureHasAVectorAndEveryEventTypeAFixture() {
        assertThat(events()).map(GoldenFile.Case::label).containsExactlyElementsOf(EventFixtures.events().keySet());
        assertThat(EventFixtures.events().values()).map(Event::type).containsAll(Arrays.asList(EventType.values()));
    }

    @Test
    void envelopeFieldsSitWhereTheDocumentSays() throws EventDecodeException {
        byte[] value = HEX.parseHex(events().get(2).field(2)); // block-disconnected, sequence 2

        assertThat(HEX.formatHex(value, 0, EnvelopeCodec.HEADER_SIZE - 4))
                .isEqualTo("4e45" + "01" + "02" + "01" + "4e554d49" + "0000000000000002" + "0000019abae291d0");
        EnvelopeHeader header = EnvelopeCodec.peek(value);
        assertThat(header.typeCode()).isEqualTo(EventType.BLOCK_DISCONNECTED.code());
        assertThat(header.schemaVersion()).isEqualTo(1);
        assertThat(header.meta().sequence()).isEqualTo(2);
        assertThat(header.meta().createdAtMillis()).isEqualTo(1_764_072_002_000L);
    }
}

package io.numicoin.events.testing;

import io.numicoin.events.Event;
import io.numicoin.events.codec.EventCodecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Map;

/**
 * Writes {@code events.txt} from {@link EventFixtures}. Run by hand into an empty directory and review
 * the difference to {@code src/test/resources/golden/}: a changed vector is a changed wire format,
 * which within a topic version may only append fields. Never overwrites.
 *
 * <pre>
 * ./mvnw -q -pl events test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp events/target/test-classes:events/target/classes:$(cat events/target/cp.txt) \
 *     io.numicoin.events.testing.GoldenEventWriter /tmp/golden
 * </pre>
 */
public final class GoldenEventWriter {

    private GoldenEventWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GoldenEventWriter OUTPUT_DIR");
            System.exit(2);
        }
        Path file = Files.createDirectories(Path.of(args[0])).resolve("events.txt");
        Files.writeString(file, content(), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        System.out.println("wrote " + file);
    }

    static String content() {
        StringBuilder out = new StringBuilder("""
                # Events: label | topic | record key | record value (envelope and payload), all hex but the topic.
                # Keys and signatures inside are fixed byte patterns (EventFixtures), not real ML-DSA values.
                # Generated once by GoldenEventWriter from EventFixtures; never regenerate silently.
                """);
        HexFormat hex = HexFormat.of();
        for (Map.Entry<String, Event> e : EventFixtures.events().entrySet()) {
            out.append(e.getKey()).append(' ').append(EventCodecs.topic(e.getValue())).append(' ')
                    .append(hex.formatHex(EventCodecs.key(e.getValue()))).append(' ')
                    .append(hex.formatHex(EventCodecs.encode(e.getValue()))).append('\n');
        }
        return out.toString();
    }
}

package io.numicoin.events.testing;

import io.numicoin.events.Event;
import io.numicoin.events.EventType;
import io.numicoin.events.codec.EnvelopeCodec;
import io.numicoin.events.codec.EventCodecs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes the committed seed corpus of {@code EventDecoderFuzzTest}: every golden event, and near
 * misses (truncated, one byte too many, another magic, format, type or schema version, a later schema
 * with an appended field). Run by hand, like {@link GoldenEventWriter}; it never overwrites:
 *
 * <pre>
 * java -cp events/target/test-classes:events/target/classes:$(cat events/target/cp.txt) \
 *     io.numicoin.events.testing.EventFuzzSeedWriter \
 *     events/src/test/resources/io/numicoin/events/codec/EventDecoderFuzzTestInputs
 * </pre>
 */
public final class EventFuzzSeedWriter {

    private static final Map<String, String> METHODS = Map.of(
            "numi.chain.v1", "chainDecode",
            "numi.tx.v1", "transactionSeenDecode",
            "numi.mempool.v1", "mempoolDecode",
            "numi.peers.v1", "peerDecode");

    private final Path root;

    private EventFuzzSeedWriter(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: EventFuzzSeedWriter INPUTS_DIR");
            System.exit(2);
        }
        EventFuzzSeedWriter writer = new EventFuzzSeedWriter(Path.of(args[0]));
        for (Map.Entry<String, Event> e : EventFixtures.events().entrySet()) {
            writer.event(e.getKey(), e.getValue());
        }
    }

    private void seed(String method, String name, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(root.resolve(method));
        Files.write(dir.resolve(name), bytes, StandardOpenOption.CREATE_NEW);
    }

    private static byte[] with(byte[] valid, int offset, int value) {
        byte[] out = valid.clone();
        out[offset] = (byte) value;
        return out;
    }

    private void event(String label, Event event) throws IOException {
        String method = METHODS.get(event.type().topic());
        byte[] valid = EventCodecs.encode(event);
        seed(method, "valid-" + label, valid);
        seed("envelopePeek", "valid-" + label, valid);
        seed(method, "truncated-" + label, Arrays.copyOf(valid, valid.length - 1));
        seed(method, "trailing-" + label, Arrays.copyOf(valid, valid.length + 1));
        seed(method, "later-schema-" + label, laterSchema(valid));
        if (!label.endsWith("-genesis")) {
            return;
        }
        seed(method, "magic-" + label, with(valid, 0, 'X'));
        seed(method, "format-2-" + label, with(valid, 2, 2));
        seed(method, "schema-0-" + label, with(valid, 4, 0));
        seed(method, "type-unknown-" + label, with(valid, 3, 0x7f));
        seed(method, "type-other-topic-" + label, with(valid, 3, EventType.PEER_OBSERVED.code()));
        seed(method, "disconnected-" + label, with(valid, 3, EventType.BLOCK_DISCONNECTED.code()));
    }

    /** The record as schema version 2 would write it if it appended one u64 field. */
    private static byte[] laterSchema(byte[] valid) {
        byte[] out = Arrays.copyOf(valid, valid.length + 8);
        out[4] = 2;
        ByteBuffer.wrap(out).putInt(EnvelopeCodec.HEADER_SIZE - 4, out.length - EnvelopeCodec.HEADER_SIZE);
        return out;
    }
}

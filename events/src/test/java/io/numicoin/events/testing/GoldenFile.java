package io.numicoin.events.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A golden vector file under {@code src/test/resources/golden/}: one case per line, a label and
 * space-separated fields; blank lines and lines starting with {@code #} are comments.
 */
public final class GoldenFile {

    /** One line: its label and the fields after it. */
    public record Case(String label, List<String> fields) {

        public String field(int index) {
            return fields.get(index);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private GoldenFile() {
    }

    public static List<Case> read(String name) {
        String resource = "/golden/" + name;
        try (InputStream in = GoldenFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + resource);
            }
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    String[] parts = trimmed.split(" +");
                    cases.add(new Case(parts[0], List.of(parts).subList(1, parts.length)));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

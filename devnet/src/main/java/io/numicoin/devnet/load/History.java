package io.numicoin.devnet.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run's history, Jepsen-style: every submission with its answer and every fault as it begins
 * and ends, in the order they happened, one JSON object per line in a file (flushed per line, so a
 * run that dies keeps what it did) and in memory for the checker.
 */
public final class History implements AutoCloseable {

    /** A fault's line: {@code begin} or {@code end} of {@code fault} (with its detail). */
    public record FaultEvent(long atMillis, String edge, String fault, String detail) {
    }

    private final BufferedWriter out;
    private final JsonMapper json = JsonMapper.builder().build();
    private final long started = System.nanoTime();
    private final List<Submission> submissions = new ArrayList<>();
    private final List<FaultEvent> faults = new ArrayList<>();

    private History(BufferedWriter out) {
        this.out = out;
    }

    /** Starts a new history file (an earlier one is replaced). */
    public static History create(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return new History(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    public long millis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    public synchronized void record(Submission s) {
        submissions.add(s);
        ObjectNode line = json.createObjectNode().put("t", s.atMillis()).put("type", "submit").put("phase", s.phase())
                .put("sender", s.sender()).put("nonce", s.nonce()).put("txid", s.txid()).put("entry", s.entry())
                .put("status", s.answer().status());
        put(line, "outcome", s.answer().outcome());
        put(line, "rule", s.answer().rule());
        put(line, "error", s.answer().error());
        write(line);
    }

    public synchronized void fault(String edge, String fault, String detail) {
        FaultEvent event = new FaultEvent(millis(), edge, fault, detail);
        faults.add(event);
        write(json.createObjectNode().put("t", event.atMillis()).put("type", "fault").put("edge", edge).put("fault", fault)
                .put("detail", detail));
    }

    /** A line of the checker's verdict, kept with the history it judged. */
    public synchronized void note(String kind, String text) {
        write(json.createObjectNode().put("t", millis()).put("type", kind).put("text", text));
    }

    public synchronized List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    public synchronized List<FaultEvent> faults() {
        return List.copyOf(faults);
    }

    private static void put(ObjectNode line, String name, String value) {
        if (!value.isEmpty()) {
            line.put(name, value);
        }
    }

    private void write(ObjectNode line) {
        try {
            out.write(json.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}

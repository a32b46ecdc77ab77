package io.numicoin.devnet;

import java.io.PrintStream;
import java.util.Locale;

/** The launcher's progress lines ({@code devnet: ...}), each with the seconds since it started. */
public final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void say(String line) {
        out.println(String.format(Locale.ROOT, "devnet [%5.1fs] %s", seconds(), line));
        out.flush();
    }

    /** A line printed as it is, for the table and the {@code ready:} line. */
    public void print(String line) {
        out.println(line);
        out.flush();
    }

    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}

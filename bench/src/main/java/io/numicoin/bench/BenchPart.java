package io.numicoin.bench;

/** One measured area within a suite (e.g. ML-DSA verification within {@code protocol}). */
public interface BenchPart {

    /** Short name used in progress messages on stderr. */
    String name();

    void run(FigureSink out) throws Exception;
}

package io.numicoin.bench;

/** Where benchmark parts report their figures (stdout in {@link BenchMain}). */
@FunctionalInterface
public interface FigureSink {

    void report(Figure figure);

    default void report(String name, double value, String unit) {
        report(new Figure(name, value, unit));
    }
}

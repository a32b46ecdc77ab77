package io.numicoin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterleavedRatioTest {

    @Test
    void warmsBothUpThenAlternatesTheOrderAndReportsTheMedianRatioWithItsSpread() throws Exception {
        List<String> calls = new ArrayList<>();
        double[] aRates = {99, 10, 20, 30, 40, 50};
        double[] bRates = {99, 10, 10, 10, 40, 10};
        InterleavedRatio.Result result = InterleavedRatio.measure(1, 5,
                round -> {
                    calls.add("A" + round);
                    return aRates[round];
                },
                round -> {
                    calls.add("B" + round);
                    return bRates[round];
                });

        assertThat(calls).containsExactly("A0", "B0", "A1", "B1", "B2", "A2", "A3", "B3", "B4", "A4", "A5", "B5");
        assertThat(result.ratios()).containsExactly(1, 2, 3, 1, 5);
        assertThat(result.median()).isEqualTo(2);
        assertThat(result.min()).isEqualTo(1);
        assertThat(result.max()).isEqualTo(5);
        assertThat(result.medianA()).isEqualTo(30);
        assertThat(result.medianB()).isEqualTo(10);

        List<Figure> figures = new ArrayList<>();
        result.report(figures::add, "x.over_y");
        assertThat(figures).extracting(Figure::name).containsExactly("x.over_y", "x.over_y.min", "x.over_y.max");
        assertThat(figures.getFirst().value()).isCloseTo(2, within(1e-12));
    }

    @Test
    void summaryFoldsMinAndMaxIntoTheirFiguresRow() {
        SummaryTable table = new SummaryTable();
        table.startSuite("mempool");
        table.report("mempool.accept.over_sig_limit", 0.8, "ratio");
        table.report("mempool.accept.over_sig_limit.min", 0.6, "ratio");
        table.report("mempool.accept.over_sig_limit.max", 0.9, "ratio");
        table.report("mempool.template_100k_ms", 3.5, "ms");
        table.endSuite("mempool", 2_000_000_000L, null);
        table.startSuite("seed");
        table.endSuite("seed", 1_000_000_000L, new IllegalStateException("nsd missing"));

        List<String> lines = table.lines();

        assertThat(lines).allMatch(line -> line.startsWith("#"));
        assertThat(lines).filteredOn(line -> line.contains("over_sig_limit")).singleElement()
                .satisfies(line -> assertThat(line).contains("0.8000").contains("0.6000..0.9000"));
        assertThat(lines).anyMatch(line -> line.contains("mempool.template_100k_ms") && line.contains("3.5000"));
        assertThat(lines).anyMatch(line -> line.equals("# suite seed: FAILED (java.lang.IllegalStateException: nsd missing) in 1 s"));
        assertThat(table.anyFailed()).isTrue();
    }
}

package io.numicoin.explorer.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.explorer.web.view.SvgChart.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    @Test
    void scalesPointsIntoTheViewBoxFromZeroToTheMaximum() {
        SvgChart chart = SvgChart.of("t", "s", List.of(new Point(10, 0.0), new Point(15, 5.0), new Point(20, 10.0)));
        assertThat(chart.line()).isEqualTo("M0.0,160.0L300.0,80.0L600.0,0.0");
        assertThat(chart.area()).isEqualTo("M0.0,160L0.0,160.0L300.0,80.0L600.0,0.0L600.0,160L0.0,160Z");
        assertThat(chart.minValue()).isZero();
        assertThat(chart.maxValue()).isEqualTo(10.0);
        assertThat(chart.firstX()).isEqualTo(10);
        assertThat(chart.lastX()).isEqualTo(20);
        assertThat(chart.points()).isEqualTo(3);
    }

    @Test
    void aMissingValueBreaksTheLine() {
        SvgChart chart = SvgChart.of("t", "", List.of(new Point(0, 4.0), new Point(1, null), new Point(2, 4.0),
                new Point(3, 2.0)));
        assertThat(chart.line()).isEqualTo("M0.0,0.0M400.0,0.0L600.0,80.0");
        assertThat(chart.points()).isEqualTo(3);
    }

    @Test
    void noValueDrawsNothing() {
        SvgChart chart = SvgChart.of("t", "", List.of(new Point(0, null), new Point(1, Double.NaN)));
        assertThat(chart.points()).isZero();
        assertThat(chart.line()).isEmpty();
    }

    @Test
    void aFlatSeriesStaysInsideTheBox() {
        SvgChart chart = SvgChart.of("t", "", List.of(new Point(5, 0.0), new Point(6, 0.0)));
        assertThat(chart.line()).isEqualTo("M0.0,160.0L600.0,160.0");
        assertThat(chart.maxValue()).isEqualTo(1.0);
    }
}

package io.numicoin.explorer.web;

import io.numicoin.explorer.stats.BlockPoint;
import io.numicoin.explorer.stats.ChainSeries;
import io.numicoin.explorer.web.view.SvgChart;
import io.numicoin.explorer.web.view.SvgChart.Point;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * {@code /charts?blocks=N}: block intervals, difficulty and the hash-rate estimate over the last N
 * active blocks (one of {@link #WINDOWS}), drawn on the server as inline SVG.
 */
@Controller
public class ChartsPageController {

    static final List<Integer> WINDOWS = List.of(144, 720, ChainSeries.MAX_BLOCKS);

    private final ChainSeries series;

    public ChartsPageController(ChainSeries series) {
        this.series = series;
    }

    @GetMapping("/charts")
    public Mono<Rendering> charts(@RequestParam(name = "blocks", required = false) Integer blocks) {
        int window = blocks == null ? WINDOWS.getFirst() : blocks;
        if (!WINDOWS.contains(window)) {
            throw new BadPageRequestException("blocks must be one of " + WINDOWS);
        }
        return Pages.render(() -> {
            List<BlockPoint> points = series.recent(window);
            List<SvgChart> charts = List.of(
                    chart("Time between blocks", "s", points,
                            p -> p.intervalSeconds() == null ? null : p.intervalSeconds().doubleValue()),
                    chart("Difficulty", "", points, BlockPoint::difficulty),
                    chart("Hash rate (over " + ChainSeries.HASH_RATE_WINDOW + " blocks)", "H/s", points,
                            BlockPoint::hashesPerSecond));
            return Pages.view("charts").modelAttribute("charts", charts).modelAttribute("window", window)
                    .modelAttribute("windows", WINDOWS).modelAttribute("blockCount", points.size())
                    .modelAttribute("title", "Charts").build();
        });
    }

    private static SvgChart chart(String title, String unit, List<BlockPoint> points, Function<BlockPoint, Double> value) {
        return SvgChart.of(title, unit, points.stream().map(p -> new Point(p.height(), value.apply(p))).toList());
    }
}

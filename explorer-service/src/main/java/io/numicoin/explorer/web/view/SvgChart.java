package io.numicoin.explorer.web.view;

import java.util.List;
import java.util.Locale;

/**
 * A line chart drawn on the server as inline SVG: the points scaled into a
 * {@value #WIDTH}x{@value #HEIGHT} view box (the template stretches it to the page's width), the
 * line and the area under it as path data, and the ranges for the legend. Points whose value is
 * null (no value for that block) break the line.
 */
public record SvgChart(String title, String unit, String line, String area, double minValue, double maxValue,
        long firstX, long lastX, int points) {

    public static final int WIDTH = 600;
    public static final int HEIGHT = 160;

    /** One point: x (a height) and y (null where there is no value). */
    public record Point(long x, Double y) {
    }

    public static SvgChart of(String title, String unit, List<Point> points) {
        List<Point> valued = points.stream().filter(p -> p.y() != null && Double.isFinite(p.y())).toList();
        if (valued.isEmpty()) {
            return new SvgChart(title, unit, "", "", 0, 0, 0, 0, 0);
        }
        long firstX = points.getFirst().x();
        long lastX = points.getLast().x();
        double min = Math.min(0, valued.stream().mapToDouble(Point::y).min().orElse(0));
        double max = valued.stream().mapToDouble(Point::y).max().orElse(1);
        if (max <= min) {
            max = min + 1;
        }
        StringBuilder line = new StringBuilder();
        StringBuilder area = new StringBuilder();
        boolean pen = false;
        double lastPx = 0;
        double startPx = 0;
        for (Point p : points) {
            if (p.y() == null || !Double.isFinite(p.y())) {
                if (pen) {
                    area.append(String.format(Locale.ROOT, "L%.1f,%dL%.1f,%dZ", lastPx, HEIGHT, startPx, HEIGHT));
                }
                pen = false;
                continue;
            }
            double px = lastX == firstX ? WIDTH / 2.0 : (double) (p.x() - firstX) * WIDTH / (lastX - firstX);
            double py = HEIGHT - (p.y() - min) * HEIGHT / (max - min);
            String at = String.format(Locale.ROOT, "%.1f,%.1f", px, py);
            if (!pen) {
                line.append('M').append(at);
                area.append(String.format(Locale.ROOT, "M%.1f,%d", px, HEIGHT)).append('L').append(at);
                startPx = px;
            } else {
                line.append('L').append(at);
                area.append('L').append(at);
            }
            pen = true;
            lastPx = px;
        }
        if (pen) {
            area.append(String.format(Locale.ROOT, "L%.1f,%dL%.1f,%dZ", lastPx, HEIGHT, startPx, HEIGHT));
        }
        return new SvgChart(title, unit, line.toString(), area.toString(), min, max, firstX, lastX, valued.size());
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }
}

package dev.breakdown.bench.load;

import dev.breakdown.bench.FlowFollower;
import dev.breakdown.bench.load.WebhookSender.Sent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run second by second (deliveries due, 2xx answers, outcomes; latency percentiles of the deliveries due in that
 * second) and its chart: a self-contained HTML page with two inline SVG panels, no script or font from elsewhere.
 */
final class Timeline {
    private static final int W = 960;
    private static final int H = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private final int seconds;
    private final double[] sent;
    private final double[] accepted;
    private final double[] outcomes;
    private final double[] httpP99;
    private final double[] outcomeP50;
    private final double[] outcomeP99;
    private final List<Double> markerSeconds = new ArrayList<>();
    private final List<String> markerNames = new ArrayList<>();

    /** Something that happened at a moment of the run (a phase began, a fault was injected); System.nanoTime(). */
    record Marker(String name, long nanos) {
    }

    private final long startNanos;

    private Timeline(int seconds, long startNanos) {
        this.seconds = seconds;
        this.startNanos = startNanos;
        sent = new double[seconds];
        accepted = new double[seconds];
        outcomes = new double[seconds];
        httpP99 = new double[seconds];
        outcomeP50 = new double[seconds];
        outcomeP99 = new double[seconds];
    }

    static Timeline of(List<Sent> deliveries, FlowFollower follower, long startNanos, long endNanos,
            List<Marker> markers) {
        int n = (int) Math.max(1, Math.ceil((endNanos - startNanos) / 1e9));
        Timeline t = new Timeline(n, startNanos);
        List<List<Double>> http = buckets(n);
        List<List<Double>> e2e = buckets(n);
        for (Sent s : deliveries) {
            int due = t.second(s.dueNanos);
            t.sent[due]++;
            if (s.accepted()) {
                t.accepted[t.second(s.acceptedNanos)]++;
                if (s.firstStatus / 100 == 2) {
                    http.get(due).add((s.firstAnswerNanos - s.dueNanos) / 1e6);
                }
                long done = follower.completedNanos(s.id());
                if (done >= 0) {
                    t.outcomes[t.second(done)]++;
                    e2e.get(due).add((done - s.dueNanos) / 1e6);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Latencies h = new Latencies(http.get(i).stream().mapToDouble(Double::doubleValue).toArray());
            Latencies e = new Latencies(e2e.get(i).stream().mapToDouble(Double::doubleValue).toArray());
            t.httpP99[i] = h.pct(99);
            t.outcomeP50[i] = e.pct(50);
            t.outcomeP99[i] = e.pct(99);
        }
        for (Marker m : markers) {
            t.markerSeconds.add((m.nanos() - startNanos) / 1e9);
            t.markerNames.add(m.name());
        }
        return t;
    }

    private static List<List<Double>> buckets(int n) {
        List<List<Double>> b = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            b.add(new ArrayList<>());
        }
        return b;
    }

    private int second(long nanos) {
        return (int) Math.max(0, Math.min(seconds - 1, (nanos - startNanos) / 1_000_000_000L));
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("second", java.util.stream.IntStream.range(0, seconds).boxed().toList());
        m.put("due_per_second", sent);
        m.put("accepted_per_second", accepted);
        m.put("outcomes_per_second", outcomes);
        m.put("http_p99_ms", rounded(httpP99));
        m.put("outcome_p50_ms", rounded(outcomeP50));
        m.put("outcome_p99_ms", rounded(outcomeP99));
        m.put("markers", markerNames);
        m.put("marker_second", markerSeconds.stream().map(Latencies::round).toList());
        return m;
    }

    private static List<Object> rounded(double[] values) {
        List<Object> out = new ArrayList<>();
        for (double v : values) {
            out.add(Latencies.round(v));
        }
        return out;
    }

    /** The page: a title, a header (HTML), both panels, notes, and the run's JSON embedded for whoever wants it. */
    String html(String title, String headerHtml, List<String> notes, String json) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}"
                        + "svg{display:block;margin:8px 0 24px}text{font:12px system-ui,sans-serif}"
                        + "code{background:#f3f3f3;padding:1px 4px}</style></head><body>\n");
        h.append("<h1>").append(escape(title)).append("</h1>\n<p>").append(headerHtml).append("</p>\n");
        h.append("<h2>Throughput (per second)</h2>\n");
        h.append(panel(List.of(sent, accepted, outcomes), List.of("webhooks due", "answered 2xx", "outcomes committed"),
                List.of("#999999", "#1f77b4", "#d62728"), false, "events/s"));
        h.append("<h2>Latency of the deliveries due in each second (ms, log scale)</h2>\n");
        h.append(panel(List.of(httpP99, outcomeP50, outcomeP99), List.of("HTTP answer p99", "webhook → outcome p50",
                "webhook → outcome p99"), List.of("#1f77b4", "#2ca02c", "#d62728"), true, "ms"));
        h.append("<p>Dashed lines mark the phases and events of the run. Notes:</p><ul>");
        notes.forEach(l -> h.append("<li>").append(escape(l)).append("</li>"));
        h.append("</ul>\n<script type=\"application/json\" id=\"run\">\n")
                .append(json.replace("</", "<\\/")).append("\n</script>\n</body></html>\n");
        return h.toString();
    }

    private String panel(List<double[]> series, List<String> names, List<String> colors, boolean log, String unit) {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (double[] s : series) {
            for (double v : s) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                    if (v > 0) {
                        min = Math.min(min, v);
                    }
                }
            }
        }
        double lo = log ? Math.pow(10, Math.floor(Math.log10(Math.max(0.1, Math.min(min, 1))))) : 0;
        double hi = log ? Math.pow(10, Math.ceil(Math.log10(Math.max(max, 10)))) : niceCeiling(Math.max(max, 1));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">", W, H, W, H));
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#ccc\"/>", LEFT, TOP, plotW, plotH));
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double v = lo; v <= hi * 1.001; v *= 10) {
                ticks.add(v);
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                ticks.add(hi * i / 5);
            }
        }
        for (double v : ticks) {
            double y = y(v, lo, hi, log);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT, W - RIGHT, y, y, LEFT - 6, y + 4,
                    v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)));
        }
        int step = Math.max(10, (int) Math.ceil(seconds / 12.0 / 10) * 10);
        for (int t = 0; t <= seconds; t += step) {
            double x = x(t);
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ds</text>", x,
                    H - BOTTOM + 16, t));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" "
                + "text-anchor=\"middle\">%s</text>", TOP + plotH / 2, TOP + plotH / 2, unit));
        for (int i = 0; i < markerSeconds.size(); i++) {
            double x = x(markerSeconds.get(i));
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#555\" "
                    + "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%d\">%s</text>", x, x, TOP, H - BOTTOM, x + 4,
                    TOP + 12 + (i % 3) * 13, escape(markerNames.get(i))));
        }
        for (int k = 0; k < series.size(); k++) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            double[] values = series.get(k);
            for (int t = 0; t < values.length; t++) {
                double v = values[t];
                if (Double.isNaN(v) || (log && v <= 0)) {
                    pen = false;
                    continue;
                }
                path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x(t + 0.5),
                        y(Math.max(v, lo), lo, hi, log)));
                pen = true;
            }
            s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colors.get(k))
                    .append("\" stroke-width=\"1.5\"/>");
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", LEFT + 10 + k * 200, 12, colors.get(k), LEFT + 26 + k * 200,
                    16, escape(names.get(k))));
        }
        return s.append("</svg>\n").toString();
    }

    private double x(double second) {
        return LEFT + (W - LEFT - RIGHT) * second / Math.max(1, seconds);
    }

    private static double y(double v, double lo, double hi, boolean log) {
        double f = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
        return TOP + (H - TOP - BOTTOM) * (1 - Math.max(0, Math.min(1, f)));
    }

    private static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package dev.breakdown.bench.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latencies in ms, sorted once; percentiles by the nearest-rank method. */
final class Latencies {
    private final double[] sorted;

    Latencies(double[] millis) {
        this.sorted = millis.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    double pct(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int at = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** n, p50, p90, p99, p99.9, max: the JSON form. */
    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", sorted.length);
        m.put("p50_ms", round(pct(50)));
        m.put("p90_ms", round(pct(90)));
        m.put("p99_ms", round(pct(99)));
        m.put("p999_ms", round(pct(99.9)));
        m.put("max_ms", round(max()));
        return m;
    }

    String line() {
        if (sorted.length == 0) {
            return "n=0";
        }
        return String.format(java.util.Locale.ROOT, "p50 %s  p90 %s  p99 %s  max %s  (n=%d)", fmt(pct(50)), fmt(pct(90)),
                fmt(pct(99)), fmt(max()), sorted.length);
    }

    static String fmt(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        return ms < 10 ? String.format(java.util.Locale.ROOT, "%.1f", ms) : String.format(java.util.Locale.ROOT, "%.0f", ms);
    }

    static Object round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10) / 10.0;
    }
}

package dev.breakdown.bench.load;

import dev.breakdown.bench.FlowFollower;
import dev.breakdown.bench.load.WebhookSender.Sent;
import dev.breakdown.contracts.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The load run's figures: the terminal table, the JSON file, the HTML chart and the BENCHMARKS.md section. */
final class LoadReport {
    static final List<String> LIMITS = List.of(
            "Everything runs on the same machine: the broker, the five services and the load generator share its "
                    + "cores, so every figure includes their competition (and that of anything else running: see the "
                    + "load averages).",
            "HTTP answer: from the delivery's due time (open loop, so a stalled service is not hidden) to the answer, "
                    + "as the generator's JDK HttpClient sees it; it includes the generator's own scheduling.",
            "Webhook to outcome: from the delivery's due time to the moment this tool's read_committed consumer "
                    + "received the event's outcome, i.e. after the gateway's transaction committed. It includes the "
                    + "intake, the gateway's batch wait (GATEWAY_BATCH_MAX_WAIT, 10 ms), the agent and calendar calls "
                    + "and the commit. One clock (the generator's), so no clock skew.",
            "Deliveries not answered 2xx are not sent again in the load run: they count as sent but not accepted "
                    + "(webhook-service answers 503 when the broker's acknowledgement takes longer than "
                    + "WEBHOOK_ACK_TIMEOUT, 5 s). Such a delivery may still be on issues (more events on issues than "
                    + "2xx answers); only 2xx deliveries are followed to their outcomes.",
            "Backlog drain: outcomes per second from the gateway's SIGCONT to the last outcome (first-to-last also "
                    + "shown). The backlog's records were already on issues; the JVMs are warm (warm-up and measured "
                    + "phase first).",
            "CPU ms per event: user + system time of each process (/proc/PID/stat) over the phase, until its last "
                    + "outcome, divided by its 2xx deliveries; JIT compilation, GC and background work (chat-web's "
                    + "consumers, the gateway's due tracker) included.",
            "Warm-up: with six JVMs on two cores the JIT compilers (C1 and C2) take a third of the CPU for the "
                    + "first minutes and the pipeline falls seconds behind; the default warm-up (--warmup auto) sends "
                    + "at the rate until, over 15 s, compilation took under 10% of the stack's CPU (1 to 10 min). A "
                    + "restarted stack on such a machine is that slow for that long. Each phase shows its JIT share.",
            "Peak RSS: VmHWM of /proc/PID/status, the most resident memory since the process started (start-up "
                    + "included).");

    final String runId;
    final String command;
    final Instant date;
    final List<Phase> phases = new ArrayList<>();
    final Map<String, Double> peakRssMb = new LinkedHashMap<>();
    final Map<String, Long> pids = new LinkedHashMap<>();
    double startupSeconds = Double.NaN;
    boolean ownStack;
    Phase measured;
    Phase backlog;
    long startNanos;
    long endNanos;
    double[] loadAtStart = ProcessStats.loadAverage();
    double[] loadAtEnd;
    List<Sent> sent = List.of();
    List<String> errors = List.of();
    FlowFollower follower;
    private final Map<String, Object> exactlyOnce = new LinkedHashMap<>();

    LoadReport(String runId, String command, Instant date) {
        this.runId = runId;
        this.command = command;
        this.date = date.truncatedTo(ChronoUnit.SECONDS);
    }

    void stack(Stack stack) {
        ownStack = stack.own;
        stack.members().forEach(m -> pids.put(m.name, m.pid()));
    }

    void peakRss(Stack stack) {
        stack.members().forEach(m -> peakRssMb.put(m.name, ProcessStats.peakRssMb(m.pid())));
        peakRssMb.put(Phase.GENERATOR, ProcessStats.peakRssMb(ProcessHandle.current().pid()));
    }

    String machine() {
        return Machine.describe();
    }

    void printPhase(Phase p, FlowFollower f) {
        int ok = p.accepted().size();
        System.out.printf(Locale.ROOT, "deliveries: %d sent, %d answered 2xx, %d not; intake %.0f/s over %.1f s%n",
                p.sent.size(), ok, p.sent.size() - ok, p.intakeRate(), (p.sendEndNanos - p.startNanos) / 1e9);
        System.out.println("HTTP answer (ms):            " + p.httpLatency().line());
        System.out.println("webhook -> outcome (ms), all: " + p.outcomeLatency(f, null).line());
        for (Kind k : Kind.ALL) {
            System.out.printf(Locale.ROOT, "  %-21s %-19s %s%n", k.policy, k.action, p.outcomeLatency(f, k).line());
        }
        if (p.resumedNanos > 0) {
            System.out.printf(Locale.ROOT, "backlog drain: %.0f events/s from the gateway's resumption to the last "
                    + "outcome (%.0f/s first to last outcome)%n", p.drainRate(f), p.drainRateFirstToLast(f));
        }
        StringBuilder cpu = new StringBuilder("CPU ms per event: ");
        p.cpuPerEvent().forEach((name, ms) -> cpu.append(String.format(Locale.ROOT, "%s %.2f  ", name, ms)));
        System.out.println(cpu.toString().trim());
        System.out.printf(Locale.ROOT, "JIT compilation: %.0f%% of the stack's CPU in this phase%n", 100 * p.jitShare());
        System.out.printf(Locale.ROOT, "load average: %.2f at start, %.2f at end (1 min)%n", p.loadAtStart[0],
                p.loadAtEnd[0]);
    }

    /** The counts over every delivery of the run; true when nothing is missing or doubled. */
    boolean printExactlyOnce() {
        List<Sent> ok = sent.stream().filter(Sent::accepted).toList();
        Map<String, Integer> onIssues = follower.onIssues();
        long missingOnIssues = ok.stream().filter(s -> !onIssues.containsKey(s.id())).count();
        long doubledOnIssues = onIssues.values().stream().filter(n -> n > 1).count();
        Map<String, Kind> kinds = new java.util.HashMap<>();
        ok.forEach(s -> kinds.put(s.id(), s.kind));
        ActionChecks actions = new ActionChecks(kinds.keySet(), kinds::get, follower);
        exactlyOnce.put("deliveries sent", sent.size());
        exactlyOnce.put("deliveries answered 2xx", ok.size());
        exactlyOnce.put("events on issues", onIssues.size());
        exactlyOnce.put("2xx deliveries missing on issues", missingOnIssues);
        exactlyOnce.put("events on issues more than once", doubledOnIssues);
        actions.putInto(exactlyOnce);
        System.out.println("\n== exactly once, over every delivery of the run");
        exactlyOnce.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-45s %s%n", k, v));
        if (!errors.isEmpty()) {
            System.out.println("  e.g. " + String.join("; ", errors.subList(0, Math.min(5, errors.size()))));
        }
        boolean clean = missingOnIssues == 0 && doubledOnIssues == 0 && actions.problems.isEmpty();
        System.out.println(clean ? "  => every 2xx delivery: once on issues, exactly its action, one outcome"
                : "  => NOT exactly once (see the counts above)");
        System.out.println("\n== peak resident memory (VmHWM, MB)");
        peakRssMb.forEach((name, mb) -> System.out.printf(Locale.ROOT, "  %-18s %6.0f%n", name, mb));
        System.out.println("\nWhat limits these figures:");
        LIMITS.forEach(l -> System.out.println("  - " + l));
        return clean;
    }

    private Map<String, Object> phaseJson(Phase p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name);
        m.put("how", p.how);
        m.put("seconds", round(p.seconds()));
        m.put("deliveries_sent", p.sent.size());
        m.put("deliveries_2xx", p.accepted().size());
        m.put("intake_per_second", round(p.intakeRate()));
        m.put("http_answer", p.httpLatency().summary());
        m.put("outcomes", p.completed(follower));
        Map<String, Object> byPolicy = new LinkedHashMap<>();
        byPolicy.put("all", p.outcomeLatency(follower, null).summary());
        for (Kind k : Kind.ALL) {
            Map<String, Object> s = new LinkedHashMap<>(p.outcomeLatency(follower, k).summary());
            s.put("action", k.action);
            byPolicy.put(k.policy, s);
        }
        m.put("webhook_to_outcome", byPolicy);
        if (p.resumedNanos > 0) {
            m.put("drain_per_second_from_resume", round(p.drainRate(follower)));
            m.put("drain_per_second_first_to_last", round(p.drainRateFirstToLast(follower)));
        }
        Map<String, Object> cpu = new LinkedHashMap<>();
        p.cpuPerEvent().forEach((k, v) -> cpu.put(k, Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0));
        m.put("cpu_ms_per_event", cpu);
        m.put("jit_share_of_cpu", Double.isNaN(p.jitShare()) ? null : Math.round(p.jitShare() * 1000) / 1000.0);
        m.put("load_average_start", p.loadAtStart);
        m.put("load_average_end", p.loadAtEnd);
        return m;
    }

    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", runId);
        m.put("date", date.toString());
        m.put("command", command);
        m.put("machine", Machine.json());
        m.put("own_stack", ownStack);
        m.put("stack_startup_seconds", Double.isNaN(startupSeconds) ? null : round(startupSeconds));
        m.put("load_average_start", loadAtStart);
        m.put("load_average_end", loadAtEnd);
        m.put("phases", phases.stream().map(this::phaseJson).toList());
        m.put("peak_rss_mb", peakRssMb);
        m.put("exactly_once", exactlyOnce);
        m.put("errors", errors);
        m.put("limits", LIMITS);
        m.put("timeline", timeline().json());
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(m);
    }

    private Timeline timeline() {
        return Timeline.of(sent, follower, startNanos, endNanos,
                phases.stream().map(p -> new Timeline.Marker(p.name, p.startNanos)).toList());
    }

    String html() {
        String header = Timeline.escape(date.toString()) + " &middot; <code>" + Timeline.escape(command) + "</code><br>"
                + Timeline.escape(Machine.describe()) + String.format(Locale.ROOT,
                        "<br>load average (1 min) %.2f at the start, %.2f at the end", loadAtStart[0], loadAtEnd[0]);
        return timeline().html("Breakdown load run " + runId, header, LIMITS, json());
    }

    /** Copies the chart to docs/benchmarks/load.html and rewrites the "Load" section of BENCHMARKS.md. */
    void publish(Path root, Path html) throws IOException {
        Path chart = root.resolve("docs/benchmarks/load.html");
        Files.createDirectories(chart.getParent());
        Files.copy(html, chart, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BenchmarksFile.replaceSection(root.resolve("BENCHMARKS.md"), "Load", markdown());
        System.out.println("published: BENCHMARKS.md (section Load) and " + root.relativize(chart));
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("_Written by `scripts/load.sh --publish` (run `").append(runId).append("`, ").append(date)
                .append("); running it again replaces this section._\n\n");
        md.append("Command: `").append(command).append("`  \n");
        md.append("Machine: ").append(Machine.describe()).append("  \n");
        md.append(String.format(Locale.ROOT, "Load average (1 min): %.2f at the start, %.2f at the end of the run "
                + "(per phase below).  \n", loadAtStart[0], loadAtEnd[0]));
        md.append(ownStack ? String.format(Locale.ROOT, "Stack: the local broker and the five services started by the "
                + "tool from their jars (`BREAKDOWN_JAVA_OPTS`: `%s`; %s), healthy after %.0f s; gateway with "
                + "`GATEWAY_SWEEP_INTERVAL=6h` and write-back logging at WARN.%n%n",
                System.getenv().getOrDefault("BREAKDOWN_JAVA_OPTS", "-Xms64m -Xmx384m"), JitPriority.describe(),
                startupSeconds)
                : "Stack: the running one (scripts/start-all.sh).\n\n");
        md.append("| phase | how | 2xx / sent | intake | HTTP answer p50 / p99 | webhook → outcome p50 / p90 / p99 / max "
                + "| JIT share of CPU | load avg start → end |\n|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            Latencies h = p.httpLatency();
            Latencies e = p.outcomeLatency(follower, null);
            md.append(String.format(Locale.ROOT, "| %s | %s | %d / %d | %.0f/s | %s / %s ms | %s / %s / %s / %s ms | "
                    + "%.0f%% | %.2f → %.2f |%n", p.name, p.how, p.accepted().size(), p.sent.size(), p.intakeRate(),
                    Latencies.fmt(h.pct(50)), Latencies.fmt(h.pct(99)), Latencies.fmt(e.pct(50)),
                    Latencies.fmt(e.pct(90)), Latencies.fmt(e.pct(99)), Latencies.fmt(e.max()), 100 * p.jitShare(),
                    p.loadAtStart[0], p.loadAtEnd[0]));
        }
        if (measured != null) {
            md.append("\nWebhook → outcome by policy, measured phase (").append(measured.how).append("):\n\n");
            md.append("| policy | action | n | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|---|\n");
            for (Kind k : Kind.ALL) {
                Latencies l = measured.outcomeLatency(follower, k);
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s ms |%n", k.policy, k.action,
                        l.count(), Latencies.fmt(l.pct(50)), Latencies.fmt(l.pct(90)), Latencies.fmt(l.pct(99)),
                        Latencies.fmt(l.max())));
            }
        }
        if (backlog != null) {
            md.append(String.format(Locale.ROOT, "%nBacklog drain: **%.0f events/s** from the gateway's resumption to "
                    + "the last outcome (%.0f/s first to last outcome), %d events; intake of the backlog %.0f/s on its "
                    + "connections.%n", backlog.drainRate(follower), backlog.drainRateFirstToLast(follower),
                    backlog.accepted().size(), backlog.intakeRate()));
        }
        md.append("\n| process | CPU ms per event, measured | CPU ms per event, backlog | peak RSS MB |\n|---|---|---|---|\n");
        for (String name : peakRssMb.keySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f |%n", name, cpu(measured, name), cpu(backlog, name),
                    peakRssMb.get(name)));
        }
        md.append("\nExactly once, over every delivery of the run: ");
        md.append(String.join(", ", exactlyOnce.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList())).append(".\n");
        md.append("\nTargets (issue 12): ").append(targets()).append("\n");
        md.append("\nWhat limits these figures:\n\n");
        LIMITS.forEach(l -> md.append("- ").append(l).append('\n'));
        md.append("\nChart of throughput and latency over the run: [docs/benchmarks/load.html](docs/benchmarks/load.html) "
                + "(self-contained HTML; the run's JSON is embedded in it).\n");
        return md.toString();
    }

    private String targets() {
        List<String> t = new ArrayList<>();
        if (measured != null) {
            double p99 = measured.outcomeLatency(follower, null).pct(99);
            t.add(String.format(Locale.ROOT, "webhook → outcome p99 under 100 ms at 100 events/s: **%s** (p99 %s ms, "
                    + "%s)", measured.how.startsWith("fixed 100/s") ? (p99 < 100 ? "met" : "missed") : "not measured at "
                    + "100/s", Latencies.fmt(p99), measured.how));
        }
        if (backlog != null) {
            double drain = backlog.drainRate(follower);
            t.add(String.format(Locale.ROOT, "backlog drain at least 1,000 events/s warm: **%s** (%.0f/s)",
                    drain >= 1000 ? "met" : "missed", drain));
        }
        return String.join("; ", t) + ".";
    }

    private static String cpu(Phase p, String name) {
        if (p == null) {
            return "-";
        }
        Double v = p.cpuPerEvent().get(name);
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    static Object round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 10) / 10.0;
    }
}

package dev.breakdown.bench.load;

import dev.breakdown.bench.FlowFollower;
import dev.breakdown.bench.load.WebhookSender.Sent;
import dev.breakdown.platform.kafka.KafkaConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * scripts/load.sh: signed GitHub {@code issues} webhooks into a stack of its own (or the running one), followed to
 * their outcomes. Phases: a warm-up at the rate (not measured); the measured load, at a fixed rate or as fast as N
 * connections go; a backlog sent while the gateway is paused (SIGSTOP), then drained after SIGCONT. Prints a table,
 * writes a JSON file and an HTML chart, and with {@code --publish} the "Load" section of BENCHMARKS.md.
 */
public final class LoadCommand {
    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(180);
    // Six JVMs on two cores keep C2 busy for minutes: a measured phase that starts earlier measures the compilers.
    private static final double WARM_STEP_SECONDS = 15;
    private static final double WARM_MIN_SECONDS = 60;
    private static final double WARM_MAX_SECONDS = 600;
    private static final double WARM_JIT_SHARE = 0.10;

    private LoadCommand() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = new Options(args, Options.set("rate", "seconds", "connections", "warmup", "backlog",
                    "backlog-connections", "root", "out", "command"), Options.set("running", "publish"))
                    .numbers(Options.set("rate", "seconds", "connections", "backlog", "backlog-connections"))
                    .numbers(Options.set("warmup"), "auto");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(o));
    }

    private static int run(Options o) throws Exception {
        Path root = Path.of(o.get("root", ".")).toAbsolutePath().normalize();
        double rate = o.number("rate", 100);
        double seconds = o.number("seconds", 60);
        int connections = (int) o.number("connections", 0);
        boolean warmUntilWarm = "auto".equals(o.get("warmup", "auto"));
        double warmup = warmUntilWarm ? 0 : o.number("warmup", 0);
        int backlog = (int) o.number("backlog", 10_000);
        int backlogConnections = (int) o.number("backlog-connections", 16);
        boolean running = o.flag("running");
        String runId = Long.toString(System.currentTimeMillis() / 1000, 36);
        Path work = Files.createTempDirectory("breakdown-load.");
        Path out = Path.of(o.get("out", work.toString())).toAbsolutePath();
        Files.createDirectories(out);

        LoadReport report = new LoadReport(runId, o.get("command", "scripts/load.sh"), Instant.now());
        System.out.println("machine: " + report.machine());
        System.out.println("load average at start: " + ProcessStats.loadAverageText());
        System.out.println((running ? "using the running stack (scripts/start-all.sh)" : "starting the broker and "
                + "the five services in " + work) + " ...");
        long startNanos = System.nanoTime();
        try (Stack stack = running ? Stack.running(root) : Stack.start(root, work, Map.of())) {
            report.startupSeconds = running ? Double.NaN : (System.nanoTime() - startNanos) / 1e9;
            report.stack(stack);
            Properties kafka = new Properties();
            kafka.put("bootstrap.servers", stack.bootstrap);
            if (running) {
                kafka.put("bootstrap.servers", KafkaConnection.bootstrapServers(System::getenv));
                kafka.putAll(KafkaConnection.securityProperties(System::getenv));
            }
            WebhookDeliveries deliveries = new WebhookDeliveries(root.resolve("samples/webhooks"), runId, stack.webhookSecret);
            try (FlowFollower follower = new FlowFollower(kafka, runId + "-", true);
                    WebhookSender sender = new WebhookSender(stack.webhookUrl(), deliveries, false)) {
                report.startNanos = System.nanoTime();
                if (warmUntilWarm) {
                    Phase w = phase("warm-up", String.format(Locale.ROOT, "%.0f/s until the JVMs are warm, not "
                            + "measured", rate), stack, report);
                    double took = warmUntilWarm(w, sender, stack, rate);
                    w.how = String.format(Locale.ROOT, "%.0f/s for %.0f s (%s), not measured", rate, took,
                            took >= WARM_MAX_SECONDS ? "stopped at the limit, still compiling" : "until warm");
                    finish(w, sender, follower, stack);
                    report.printPhase(w, follower);
                } else if (warmup > 0) {
                    Phase w = phase("warm-up", String.format(Locale.ROOT, "%.0f/s for %.0f s, not measured", rate, warmup),
                            stack, report);
                    w.sent.addAll(sender.atRate(w.name, rate, warmup));
                    finish(w, sender, follower, stack);
                    report.printPhase(w, follower);
                }
                Phase m = connections > 0
                        ? phase("measured", String.format(Locale.ROOT, "%d connections for %.0f s", connections, seconds),
                                stack, report)
                        : phase("measured", String.format(Locale.ROOT, "fixed %.0f/s for %.0f s", rate, seconds), stack,
                                report);
                m.sent.addAll(connections > 0 ? sender.withConnections(m.name, connections, Long.MAX_VALUE, seconds)
                        : sender.atRate(m.name, rate, seconds));
                finish(m, sender, follower, stack);
                report.measured = m;
                report.printPhase(m, follower);
                if (backlog > 0) {
                    Stack.Member gateway = stack.member("gateway-service");
                    Phase b = phase("backlog", String.format(Locale.ROOT,
                            "%d deliveries on %d connections while the gateway is paused, then drained", backlog,
                            backlogConnections), stack, report);
                    gateway.pause();
                    try {
                        b.sent.addAll(sender.withConnections(b.name, backlogConnections, backlog, 0));
                        sender.awaitAnswers(Duration.ofSeconds(60));
                        b.sendEndNanos = System.nanoTime();
                        Thread.sleep(1000); // every record is on issues before the gateway comes back
                    } finally {
                        b.resumedNanos = System.nanoTime();
                        gateway.resume();
                    }
                    finish(b, sender, follower, stack);
                    report.backlog = b;
                    report.printPhase(b, follower);
                }
                follower.awaitCaughtUp(Duration.ofSeconds(60));
                report.endNanos = System.nanoTime();
                report.sent = sender.all();
                report.errors = sender.errors();
                report.follower = follower;
                report.peakRss(stack);
                report.loadAtEnd = ProcessStats.loadAverage();
                boolean clean = report.printExactlyOnce();
                Path json = out.resolve("load-" + runId + ".json");
                Path html = out.resolve("load-" + runId + ".html");
                Files.writeString(json, report.json());
                Files.writeString(html, report.html());
                System.out.println("\nJSON: " + json + "\nchart: " + html);
                if (o.flag("publish")) {
                    report.publish(root, html);
                }
                if (!running) {
                    System.out.println("logs of the stack: " + work);
                }
                return clean ? 0 : 1;
            }
        }
    }

    /**
     * Sends at the rate in steps until, over a whole step, the JIT compiler threads took less than a tenth of the
     * stack's CPU (at least a minute, at most ten). Returns the seconds it took.
     */
    private static double warmUntilWarm(Phase w, WebhookSender sender, Stack stack, double rate)
            throws InterruptedException {
        double elapsed = 0;
        while (true) {
            Map<String, Long> cpu = Phase.cpu(stack);
            Map<String, Long> jit = Phase.jit(stack);
            w.sent.addAll(sender.atRate(w.name, rate, WARM_STEP_SECONDS));
            elapsed += WARM_STEP_SECONDS;
            double share = Phase.jitShare(cpu, Phase.cpu(stack), jit, Phase.jit(stack));
            System.out.printf(Locale.ROOT, "  %3.0f s: JIT compilation %2.0f%% of the stack's CPU (load average %s)%n",
                    elapsed, 100 * share, ProcessStats.loadAverageText());
            if ((elapsed >= WARM_MIN_SECONDS && share < WARM_JIT_SHARE) || elapsed >= WARM_MAX_SECONDS) {
                return elapsed;
            }
        }
    }

    private static Phase phase(String name, String how, Stack stack, LoadReport report) {
        System.out.printf(Locale.ROOT, "%n== %s: %s (load average %s)%n", name, how, ProcessStats.loadAverageText());
        Phase p = new Phase(name, how, stack);
        report.phases.add(p);
        return p;
    }

    /** Waits for the phase's answers and for the outcomes of its accepted deliveries, then takes its CPU figures. */
    private static void finish(Phase p, WebhookSender sender, FlowFollower follower, Stack stack) throws Exception {
        if (!sender.awaitAnswers(Duration.ofSeconds(60))) {
            System.out.println("!! some deliveries still unanswered after 60 s");
        }
        if (p.sendEndNanos == 0) {
            p.sendEndNanos = System.nanoTime();
        }
        List<String> ids = new ArrayList<>(p.acceptedIds());
        if (!follower.awaitCompleted(ids, OUTCOME_TIMEOUT)) {
            System.out.printf("!! %d of %d accepted deliveries without their outcome after %s%n",
                    ids.size() - follower.completedCount(ids), ids.size(), OUTCOME_TIMEOUT);
        }
        p.end(stack);
    }

    static List<Sent> ofPhase(List<Sent> all, String phase) {
        return all.stream().filter(s -> s.phase.equals(phase)).toList();
    }
}

package dev.breakdown.bench.load;

import dev.breakdown.bench.FlowFollower;
import dev.breakdown.bench.load.WebhookSender.Sent;
import dev.breakdown.contracts.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * scripts/chaos.sh: a steady load of signed webhooks into a stack of its own while, in turn, the broker is stopped and
 * started again on the same data, the gateway is SIGKILLed and restarted (three times), and the agent and the calendar
 * are each down for a while. Deliveries answered 5xx or not at all are redelivered with the same X-GitHub-Delivery
 * after their Retry-After, as GitHub's redelivery would. Afterwards the dead letters are replayed (local-broker's
 * replay-dlt, as scripts/replay-dlt.sh) and it checks that every 2xx delivery is on issues once, every stored event has
 * exactly its action and one outcome, and calendar-service holds exactly one meeting or nudge per issue that wanted
 * one. Exit status 1 on any loss or duplicate.
 */
public final class ChaosCommand {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Timeline.Marker> markers = new ArrayList<>();
    private final List<Map<String, Object>> faults = new ArrayList<>();
    private long startNanos;

    private ChaosCommand() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = new Options(args, Options.set("rate", "settle", "broker-down", "gateway-kills", "agent-down",
                    "calendar-down", "root", "out", "command"), Options.set("publish"))
                    .numbers(Options.set("rate", "settle", "broker-down", "gateway-kills", "agent-down", "calendar-down"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new ChaosCommand().run(o));
    }

    private int run(Options o) throws Exception {
        Path root = Path.of(o.get("root", ".")).toAbsolutePath().normalize();
        double rate = o.number("rate", 25);
        long settle = (long) o.number("settle", 10);
        long brokerDown = (long) o.number("broker-down", 10);
        int kills = (int) o.number("gateway-kills", 3);
        long agentDown = (long) o.number("agent-down", 30);
        long calendarDown = (long) o.number("calendar-down", 30);
        String runId = "chaos" + Long.toString(System.currentTimeMillis() / 1000, 36);
        Path work = Files.createTempDirectory("breakdown-chaos.");
        Path out = Path.of(o.get("out", work.toString())).toAbsolutePath();
        Files.createDirectories(out);
        Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        double[] loadAtStart = ProcessStats.loadAverage();
        System.out.println("machine: " + Machine.describe());
        System.out.println("load average at start: " + ProcessStats.loadAverageText());
        System.out.println("starting the broker and the five services in " + work + " ...");
        // A killed gateway's open transaction holds its partitions until it times out, and its group membership until
        // the session times out: shortened (defaults 60 s and 45 s) so three kills fit in a few minutes.
        Map<String, String> gatewayEnv = Map.of("GATEWAY_TRANSACTION_TIMEOUT", "15s",
                "SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\": \"6000\","
                        + " \"spring.kafka.consumer.heartbeat-interval\": \"1s\"}");
        try (Stack stack = Stack.start(root, work, gatewayEnv)) {
            Properties kafka = new Properties();
            kafka.put("bootstrap.servers", stack.bootstrap);
            WebhookDeliveries deliveries = new WebhookDeliveries(root.resolve("samples/webhooks"), runId, stack.webhookSecret);
            try (FlowFollower follower = new FlowFollower(kafka, runId + "-", false);
                    WebhookSender sender = new WebhookSender(stack.webhookUrl(), deliveries, true)) {
                startNanos = System.nanoTime();
                AtomicBoolean loading = new AtomicBoolean(true);
                Thread load = new Thread(() -> {
                    try {
                        while (loading.get()) {
                            sender.atRate("chaos", rate, 1);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "chaos-load");
                System.out.printf(Locale.ROOT, "%n== steady load at %.0f deliveries/s; faults in turn, %d s apart%n",
                        rate, settle);
                load.start();
                mark("load starts");
                Thread.sleep(settle * 1000);

                Stack.Member broker = stack.member("broker");
                fault("broker stopped (SIGTERM) for " + brokerDown + " s", broker::stop);
                Thread.sleep(brokerDown * 1000);
                fault("broker started again on the same data", () -> start(broker));
                Thread.sleep(settle * 1000);

                Stack.Member gateway = stack.member("gateway-service");
                for (int k = 1; k <= kills; k++) {
                    fault("gateway SIGKILLed (" + k + " of " + kills + ")", gateway::kill);
                    fault("gateway started again", () -> start(gateway));
                    Thread.sleep(settle * 1000);
                }
                for (var down : List.of(Map.entry("agent-service", agentDown), Map.entry("calendar-service", calendarDown))) {
                    Stack.Member m = stack.member(down.getKey());
                    fault(down.getKey() + " stopped (SIGTERM) for " + down.getValue() + " s", m::stop);
                    Thread.sleep(down.getValue() * 1000);
                    fault(down.getKey() + " started again", () -> start(m));
                    Thread.sleep(settle * 1000);
                }
                loading.set(false);
                load.join();
                mark("load ends");
                System.out.println("waiting for the last answers (redeliveries included) ...");
                sender.awaitAnswers(Duration.ofSeconds(120));
                List<Sent> all = sender.all();
                List<String> accepted = all.stream().filter(Sent::accepted).map(Sent::id).toList();

                System.out.println("waiting until every accepted delivery has its outcome or is dead-lettered ...");
                awaitSettled(follower, accepted, Duration.ofSeconds(240));
                Map<String, Integer> deadBefore = follower.deadLettered();
                long unfinishedBeforeReplay = accepted.stream().filter(id -> follower.completedNanos(id) < 0).count();
                System.out.printf(Locale.ROOT, "dead-lettered: %d events; accepted events without outcome: %d%n",
                        deadBefore.size(), unfinishedBeforeReplay);
                mark("DLT replay");
                String replay = replayDlt(stack, work);
                System.out.println("replay-dlt: " + replay.strip());
                List<String> stored = new ArrayList<>(follower.onIssues().keySet());
                if (!follower.awaitCompleted(stored, Duration.ofSeconds(180))) {
                    System.out.println("!! not every stored event has its outcome 180 s after the replay");
                }
                Thread.sleep(3000); // a late duplicate would still show
                follower.awaitCaughtUp(Duration.ofSeconds(60));
                long endNanos = System.nanoTime();

                ChaosChecks checks = new ChaosChecks(all, follower, deadBefore, unfinishedBeforeReplay);
                checks.calendar(this::calendarCount, stack);
                boolean clean = checks.print();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("run_id", runId);
                json.put("date", date.toString());
                json.put("command", o.get("command", "scripts/chaos.sh"));
                json.put("machine", Machine.json());
                json.put("rate_per_second", rate);
                json.put("load_average_start", loadAtStart);
                json.put("load_average_end", ProcessStats.loadAverage());
                json.put("faults", faults);
                json.put("replay_dlt", replay.strip());
                json.put("counts", checks.counts());
                json.put("problems", checks.problems());
                json.put("passed", clean);
                Timeline timeline = Timeline.of(all, follower, startNanos, endNanos, markers);
                json.put("timeline", timeline.json());
                String text = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
                Path jsonFile = out.resolve(runId + ".json");
                Path html = out.resolve(runId + ".html");
                Files.writeString(jsonFile, text);
                String header = Timeline.escape(date.toString()) + " &middot; <code>"
                        + Timeline.escape(o.get("command", "scripts/chaos.sh")) + "</code><br>"
                        + Timeline.escape(Machine.describe()) + "<br>" + (clean ? "passed" : "FAILED") + ": "
                        + Timeline.escape(checks.summary());
                Files.writeString(html, timeline.html("Breakdown chaos run " + runId, header, ChaosChecks.NOTES, text));
                System.out.println("\nJSON: " + jsonFile + "\nchart: " + html + "\nlogs of the stack: " + work);
                if (o.flag("publish")) {
                    Path chart = root.resolve("docs/benchmarks/chaos.html");
                    Files.createDirectories(chart.getParent());
                    Files.copy(html, chart, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    BenchmarksFile.replaceSection(root.resolve("BENCHMARKS.md"), "Chaos",
                            checks.markdown(runId, date, o.get("command", "scripts/chaos.sh"), rate, faults, replay,
                                    loadAtStart, clean));
                    System.out.println("published: BENCHMARKS.md (section Chaos) and docs/benchmarks/chaos.html");
                }
                return clean ? 0 : 1;
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void fault(String what, Step step) throws Exception {
        long t0 = System.nanoTime();
        step.run();
        double at = (t0 - startNanos) / 1e9;
        double took = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "  %6.1f s  %s (%.1f s; load average %s)%n", at, what, took,
                ProcessStats.loadAverageText());
        markers.add(new Timeline.Marker(what.replaceAll(" \\(.*", "").replace(" started again", " back"), t0));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("at_second", Math.round(at * 10) / 10.0);
        f.put("what", what);
        f.put("took_seconds", Math.round(took * 10) / 10.0);
        f.put("load_average", ProcessStats.loadAverage()[0]);
        faults.add(f);
    }

    private void mark(String what) {
        markers.add(new Timeline.Marker(what, System.nanoTime()));
    }

    private static void start(Stack.Member m) throws Exception {
        m.start();
        m.awaitUp(Duration.ofMinutes(3));
    }

    /** Until every accepted delivery has its outcome or is on the dead-letter topic (or the timeout). */
    private static void awaitSettled(FlowFollower follower, List<String> accepted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Integer> dead = follower.deadLettered();
            if (accepted.stream().allMatch(id -> dead.containsKey(id) || follower.completedNanos(id) >= 0)) {
                return;
            }
            Thread.sleep(500);
        }
        System.out.println("!! some accepted deliveries have neither an outcome nor a dead letter after " + timeout);
    }

    /** local-broker's replay-dlt (what scripts/replay-dlt.sh runs) against this stack's broker. */
    private static String replayDlt(Stack stack, Path work) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", stack.toolsJar().toString(), "replay-dlt").redirectErrorStream(true)
                .redirectOutput(work.resolve("replay-dlt.log").toFile());
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrap);
        int status = pb.start().waitFor();
        List<String> lines = Files.readAllLines(work.resolve("replay-dlt.log"));
        String last = lines.stream().filter(l -> l.startsWith("replayed ")).reduce((a, b) -> b).orElse("");
        return (status == 0 ? "" : "exit status " + status + ": ") + last;
    }

    /** How many meetings (schedule_unblocker) or nudges (post_nudge) calendar-service lists for an issue link. */
    private int calendarCount(Stack stack, Kind kind, String issueUrl) throws Exception {
        String link = URLEncoder.encode(issueUrl, StandardCharsets.UTF_8);
        URI uri = kind == Kind.OVERDUE ? stack.calendarApi("/meetings?limit=1000&issue=" + link)
                : stack.calendarApi("/nudges?limit=1000&link=" + link);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        String token = System.getenv("BREAKDOWN_SERVICE_TOKEN");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.mapper().readTree(r.body()).size();
    }
}

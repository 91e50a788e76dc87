package dev.breakdown.bench.load;

import dev.breakdown.bench.FlowFollower;
import dev.breakdown.bench.load.WebhookSender.Sent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the chaos run checks once everything is settled, and its summary. */
final class ChaosChecks {
    static final List<String> NOTES = List.of(
            "A delivery answered 5xx or 429, or not answered (connection refused, timeout), is redelivered with the same "
                    + "X-GitHub-Delivery and body after its Retry-After (5 s without one), up to "
                    + WebhookSender.MAX_ATTEMPTS + " attempts, as GitHub's redelivery would; one never answered 2xx is "
                    + "counted as not accepted, not as lost.",
            "A delivery answered 503 may still have reached issues (the broker's acknowledgement was lost); its "
                    + "redelivery then stores it a second time. That is allowed: the gateway drops the second copy by "
                    + "event id. A delivery sent once and on issues twice would be a duplicate.",
            "Actions and outcomes are read as a user's read_committed consumer reads them: nothing of a rolled-back "
                    + "attempt is visible.",
            "Meetings and nudges are counted per issue link through calendar-service's API (GET /api/meetings?issue=, "
                    + "GET /api/nudges?link=): every issue of the run is new, so each must have exactly one.",
            "The gateway runs with GATEWAY_TRANSACTION_TIMEOUT=15s and a 6 s consumer session timeout, so a killed "
                    + "instance's partitions come back within seconds (defaults 60 s and 45 s).");

    interface CalendarCount {
        int count(Stack stack, Kind kind, String issueUrl) throws Exception;
    }

    private final Map<String, Object> counts = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Sent> byId = new HashMap<>();
    private final FlowFollower follower;
    private final Map<String, Integer> onIssues;

    ChaosChecks(List<Sent> all, FlowFollower follower, Map<String, Integer> deadBeforeReplay, long unfinishedBeforeReplay) {
        this.follower = follower;
        all.forEach(s -> byId.put(s.id(), s));
        onIssues = follower.onIssues();
        List<Sent> accepted = all.stream().filter(Sent::accepted).toList();
        counts.put("deliveries sent", all.size());
        counts.put("answered 2xx", accepted.size());
        counts.put("answered 2xx only after a redelivery", accepted.stream().filter(s -> s.attempts > 1).count());
        counts.put("never answered 2xx (not accepted)", all.size() - accepted.size());
        counts.put("non-2xx answers and failed attempts", all.stream().mapToLong(s -> s.attempts - (s.accepted() ? 1 : 0)).sum());

        long lost = 0;
        long doubled = 0;
        long storedTwiceByRedelivery = 0;
        for (Sent s : accepted) {
            int copies = onIssues.getOrDefault(s.id(), 0);
            if (copies == 0) {
                lost++;
                problem("answered " + s.status + " but not on issues: " + s.id());
            } else if (copies > 1 && s.attempts == 1) {
                doubled++;
                problem("sent once but on issues " + copies + " times: " + s.id());
            } else if (copies > 1) {
                storedTwiceByRedelivery++;
            }
        }
        counts.put("events on issues", onIssues.size());
        counts.put("2xx deliveries missing on issues", lost);
        counts.put("deliveries sent once, on issues more than once", doubled);
        counts.put("redelivered deliveries stored again (allowed)", storedTwiceByRedelivery);
        counts.put("stored although never answered 2xx", onIssues.keySet().stream()
                .filter(id -> byId.containsKey(id) && !byId.get(id).accepted()).count());

        ActionChecks actions = new ActionChecks(onIssues.keySet(), id -> byId.containsKey(id) ? byId.get(id).kind : null,
                follower);
        actions.putInto(counts);
        problems.addAll(actions.problems);
        counts.put("dead-lettered events", deadBeforeReplay.size());
        counts.put("dead letters replayed to issues (copies, not counted above)", follower.replayedToIssues().values()
                .stream().mapToInt(Integer::intValue).sum());
        counts.put("accepted events without outcome before the replay", unfinishedBeforeReplay);
        counts.put("dead-lettered events with their outcome after the replay", deadBeforeReplay.keySet().stream()
                .filter(id -> follower.completedNanos(id) >= 0).count());
    }

    /** One meeting per overdue issue, one nudge per triage issue, as calendar-service lists them. */
    void calendar(CalendarCount calendar, Stack stack) throws Exception {
        long meetings = 0;
        long nudges = 0;
        long missing = 0;
        long doubled = 0;
        for (String id : onIssues.keySet()) {
            Sent s = byId.get(id);
            if (s == null || !s.kind.callsCalendar()) {
                continue;
            }
            int n = calendar.count(stack, s.kind, s.issueUrl);
            if (s.kind == Kind.OVERDUE) {
                meetings += n;
            } else {
                nudges += n;
            }
            if (n == 0) {
                missing++;
                problem("no " + (s.kind == Kind.OVERDUE ? "meeting" : "nudge") + " for " + id + " ("
                        + s.issueUrl + ")");
            } else if (n > 1) {
                doubled++;
                problem(n + " " + (s.kind == Kind.OVERDUE ? "meetings" : "nudges") + " for " + id);
            }
        }
        counts.put("meetings in calendar-service", meetings);
        counts.put("nudges in calendar-service", nudges);
        counts.put("issues without their meeting or nudge", missing);
        counts.put("issues with more than one meeting or nudge", doubled);
    }

    private void problem(String p) {
        problems.add(p);
    }

    Map<String, Object> counts() {
        return counts;
    }

    List<String> problems() {
        return problems.subList(0, Math.min(200, problems.size()));
    }

    String summary() {
        return String.format(Locale.ROOT, "%s deliveries, %s answered 2xx, %s events on issues, %s dead-lettered and "
                + "replayed; %d problems (loss or duplicate)", counts.get("deliveries sent"), counts.get("answered 2xx"),
                counts.get("events on issues"), counts.get("dead-lettered events"), problems.size());
    }

    boolean print() {
        System.out.println("\n== checks");
        counts.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-58s %s%n", k, v));
        problems.stream().limit(20).forEach(p -> System.out.println("  !! " + p));
        if (problems.size() > 20) {
            System.out.println("  !! ... " + (problems.size() - 20) + " more");
        }
        System.out.println(problems.isEmpty()
                ? "PASSED: nothing lost, nothing doubled (" + summary() + ")"
                : "FAILED: " + summary());
        return problems.isEmpty();
    }

    String markdown(String runId, Instant date, String command, double rate, List<Map<String, Object>> faults,
            String replay, double[] loadAtStart, boolean clean) {
        StringBuilder md = new StringBuilder();
        md.append("_Written by `scripts/chaos.sh --publish` (run `").append(runId).append("`, ").append(date)
                .append("); running it again replaces this section._\n\n");
        md.append("Command: `").append(command).append("`  \n");
        md.append("Machine: ").append(Machine.describe()).append("  \n");
        md.append(String.format(Locale.ROOT, "Load average (1 min) at the start: %.2f; at each fault below.  %n",
                loadAtStart[0]));
        md.append(String.format(Locale.ROOT, "Steady load: %.0f signed `issues` deliveries/s (the four default "
                + "policies in turn) into the broker and five services started by the tool.%n%n", rate));
        md.append("**").append(clean ? "Passed" : "FAILED").append("**: ").append(summary()).append(".\n\n");
        md.append("| at | fault | took | load avg |\n|---|---|---|---|\n");
        for (Map<String, Object> f : faults) {
            md.append(String.format(Locale.ROOT, "| %.0f s | %s | %.1f s | %.2f |%n", (Double) f.get("at_second"),
                    f.get("what"), (Double) f.get("took_seconds"), (Double) f.get("load_average")));
        }
        md.append("\nDLT replay: ").append(replay.strip()).append("\n\n| check | count |\n|---|---|\n");
        counts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\nHow it counts:\n\n");
        NOTES.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("\nChart of the run (deliveries, 2xx answers, outcomes and latency per second, faults marked): "
                + "[docs/benchmarks/chaos.html](docs/benchmarks/chaos.html).\n");
        return md.toString();
    }
}

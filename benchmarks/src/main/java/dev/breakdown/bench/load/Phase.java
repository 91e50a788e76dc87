package dev.breakdown.bench.load;

import dev.breakdown.bench.FlowFollower;
import dev.breakdown.bench.load.WebhookSender.Sent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/** One measured stretch of the run: the deliveries sent in it, and each process's CPU and the load around it. */
final class Phase {
    static final String GENERATOR = "load generator";

    final String name;
    String how;
    final List<Sent> sent = new ArrayList<>();
    final long startNanos = System.nanoTime();
    final double[] loadAtStart = ProcessStats.loadAverage();
    final Map<String, Long> cpuAtStart;
    final Map<String, Long> jitAtStart;
    double[] loadAtEnd;
    Map<String, Long> cpuAtEnd;
    Map<String, Long> jitAtEnd;
    long sendEndNanos;
    long endNanos;
    /** Backlog phases: when the gateway was resumed. */
    long resumedNanos;

    Phase(String name, String how, Stack stack) {
        this.name = name;
        this.how = how;
        this.cpuAtStart = cpu(stack);
        this.jitAtStart = jit(stack);
    }

    void end(Stack stack) {
        endNanos = System.nanoTime();
        loadAtEnd = ProcessStats.loadAverage();
        cpuAtEnd = cpu(stack);
        jitAtEnd = jit(stack);
    }

    static Map<String, Long> cpu(Stack stack) {
        return perProcess(stack, ProcessStats::cpuMillis);
    }

    static Map<String, Long> jit(Stack stack) {
        return perProcess(stack, ProcessStats::jitCpuMillis);
    }

    // The stack's processes and this generator, by name.
    private static Map<String, Long> perProcess(Stack stack, LongUnaryOperator reading) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Stack.Member m : stack.members()) {
            values.put(m.name, reading.applyAsLong(m.pid()));
        }
        values.put(GENERATOR, reading.applyAsLong(ProcessHandle.current().pid()));
        return values;
    }

    /** The share of all processes' CPU time between two readings that went to JIT compilation, 0 to 1. */
    static double jitShare(Map<String, Long> cpuBefore, Map<String, Long> cpuAfter, Map<String, Long> jitBefore,
            Map<String, Long> jitAfter) {
        long cpu = 0;
        long jit = 0;
        for (String name : cpuBefore.keySet()) {
            long before = cpuBefore.get(name);
            long after = cpuAfter.getOrDefault(name, -1L);
            if (before >= 0 && after >= before) {
                cpu += after - before;
                jit += Math.max(0, jitAfter.getOrDefault(name, 0L) - jitBefore.getOrDefault(name, 0L));
            }
        }
        return cpu == 0 ? Double.NaN : Math.min(1, jit / (double) cpu);
    }

    /** How much of the stack's CPU in this phase the JIT compilers took: near 0 once the JVMs are warm. */
    double jitShare() {
        return jitShare(cpuAtStart, cpuAtEnd, jitAtStart, jitAtEnd);
    }

    List<Sent> accepted() {
        return sent.stream().filter(Sent::accepted).toList();
    }

    List<String> acceptedIds() {
        return sent.stream().filter(Sent::accepted).map(Sent::id).toList();
    }

    /** 2xx answers per second, from the first delivery's due time to the last 2xx answer. */
    double intakeRate() {
        List<Sent> ok = accepted();
        if (ok.isEmpty()) {
            return 0;
        }
        long first = sent.stream().mapToLong(s -> s.dueNanos).min().orElseThrow();
        long last = ok.stream().mapToLong(s -> s.acceptedNanos).max().orElseThrow();
        return ok.size() / Math.max(1e-3, (last - first) / 1e9);
    }

    /** HTTP answer latency of each delivery's first attempt, from when it was due. */
    Latencies httpLatency() {
        return new Latencies(sent.stream().filter(s -> s.firstAnswerNanos > 0 && s.firstStatus / 100 == 2)
                .mapToDouble(s -> (s.firstAnswerNanos - s.dueNanos) / 1e6).toArray());
    }

    /** Webhook due time to the moment our read_committed consumer had the event's outcome; one kind or all (null). */
    Latencies outcomeLatency(FlowFollower follower, Kind kind) {
        return new Latencies(accepted().stream().filter(s -> kind == null || s.kind == kind)
                .mapToDouble(s -> {
                    long done = follower.completedNanos(s.id());
                    return done < 0 ? Double.NaN : (done - s.dueNanos) / 1e6;
                }).filter(v -> !Double.isNaN(v)).toArray());
    }

    long completed(FlowFollower follower) {
        return follower.completedCount(acceptedIds());
    }

    /** Outcomes per second while a paused gateway drained the backlog: from its resumption to the last outcome. */
    double drainRate(FlowFollower follower) {
        long last = accepted().stream().mapToLong(s -> follower.completedNanos(s.id())).max().orElse(-1);
        if (last < 0 || resumedNanos == 0) {
            return 0;
        }
        return completed(follower) / Math.max(1e-3, (last - resumedNanos) / 1e9);
    }

    /** The same counted from the first outcome to the last: without the gateway's return to work. */
    double drainRateFirstToLast(FlowFollower follower) {
        long first = Long.MAX_VALUE;
        long last = -1;
        for (Sent s : accepted()) {
            long done = follower.completedNanos(s.id());
            if (done >= 0) {
                first = Math.min(first, done);
                last = Math.max(last, done);
            }
        }
        return last <= first ? 0 : completed(follower) / ((last - first) / 1e9);
    }

    /** CPU ms each process spent in the phase, per 2xx delivery. */
    Map<String, Double> cpuPerEvent() {
        Map<String, Double> per = new LinkedHashMap<>();
        int events = accepted().size();
        cpuAtStart.forEach((name, before) -> {
            Long after = cpuAtEnd.get(name);
            per.put(name, after == null || after < 0 || before < 0 || events == 0 ? Double.NaN
                    : (after - before) / (double) events);
        });
        return per;
    }

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }
}

package dev.breakdown.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What Linux says about a process: CPU time used so far (/proc/PID/stat) and peak resident memory (VmHWM). */
final class ProcessStats {
    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcessStats() {
    }

    /** User + system CPU time in ms, or -1 when the process is gone. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which may hold spaces and ends with the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The process's threads (/proc/PID/task/TID) whose names start with one of {@code prefixes} (Linux keeps 15
     * characters of a thread's name); empty when the process is gone.
     */
    static List<Path> threads(long pid, String... prefixes) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.filter(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    return List.of(prefixes).stream().anyMatch(name::startsWith);
                } catch (IOException e) {
                    return false; // the thread ended meanwhile
                }
            }).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * CPU ms so far of the JVM's JIT compiler threads (C1 and C2, named "C1/C2 CompilerThreadN"), or 0 when the
     * process is gone. A compiler thread that exited takes its time along.
     */
    static long jitCpuMillis(long pid) {
        long ticks = 0;
        for (Path task : threads(pid, "C1 CompilerThre", "C2 CompilerThre")) {
            try {
                String stat = Files.readString(task.resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                // the thread ended meanwhile
            }
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** Peak resident set size in MB (VmHWM of /proc/PID/status), or -1 when the process is gone. */
    static double peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** The 1, 5 and 15 minute load averages. */
    static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            return new double[] {-1, -1, -1};
        }
    }

    static String loadAverageText() {
        double[] l = loadAverage();
        return String.format(java.util.Locale.ROOT, "%.2f %.2f %.2f", l[0], l[1], l[2]);
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder(List.of("getconf", "CLK_TCK")).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}

package dev.breakdown.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What scripts/start-all.sh does to each JVM it launches, done here too so that the measured stack is the one users
 * run: the C2 compiler threads at nice BREAKDOWN_JIT_NICE (default 10; 0 leaves them as the JVM made them).
 */
final class JitPriority {
    private static final String C2_THREAD = "C2 CompilerThre"; // Linux keeps 15 characters of a thread's name
    private static final String NICE = System.getenv().getOrDefault("BREAKDOWN_JIT_NICE", "10");

    private JitPriority() {
    }

    /** For the report: how the measured stack's compilers ran. */
    static String describe() {
        return NICE.equals("0") ? "C2 compiler threads at the JVM's priority (`BREAKDOWN_JIT_NICE=0`)"
                : "C2 compiler threads at nice " + NICE + " (`BREAKDOWN_JIT_NICE`), as `start-all.sh` runs them";
    }

    /** In the background: waits up to 2 s for the JVM to make its C2 threads, then renices them. */
    static void lowerC2(long pid) {
        if (NICE.equals("0")) {
            return;
        }
        Thread renice = new Thread(() -> {
            try {
                for (int attempt = 0; attempt < 40; attempt++) {
                    List<Path> threads = ProcessStats.threads(pid, C2_THREAD);
                    if (!threads.isEmpty()) {
                        for (Path thread : threads) {
                            new ProcessBuilder("renice", "-n", NICE, "-p", thread.getFileName().toString()).redirectErrorStream(true)
                                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                        }
                        return;
                    }
                    Thread.sleep(50);
                }
            } catch (IOException e) {
                System.err.println("could not renice the C2 threads of " + pid + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "renice-" + pid);
        renice.setDaemon(true);
        renice.start();
    }
}

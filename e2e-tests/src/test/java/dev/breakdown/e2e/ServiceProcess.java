package dev.breakdown.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** One of our services, started from the jar the build produced, as a user runs it. */
final class ServiceProcess implements AutoCloseable {
    /** The BREAKDOWN_SERVICE_TOKEN every started service gets unless the test's environment says otherwise. */
    static final String SERVICE_TOKEN = "e2e-service-token-" + Long.toHexString(System.nanoTime());
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Path log;
    private final Process process;
    private final Path workDir;
    private final Map<String, String> env;
    private final List<String> args;

    private ServiceProcess(String name, int port, Path log, Process process, Path workDir, Map<String, String> env,
            List<String> args) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.workDir = workDir;
        this.env = env;
        this.args = args;
    }

    static ServiceProcess start(String name, Path workDir, Map<String, String> env) throws IOException {
        return start(name, workDir, env, List.of());
    }

    /** Starts the jar with these program arguments, e.g. {@code local-broker} with {@code serve}. */
    static ServiceProcess start(String name, Path workDir, Map<String, String> env, List<String> args)
            throws IOException {
        return start(name, workDir, env, freePort(), args);
    }

    /** Starts the service on a port chosen beforehand, e.g. one another service was already told about. */
    static ServiceProcess startOnPort(String name, Path workDir, Map<String, String> env, int port) throws IOException {
        return start(name, workDir, env, port, List.of());
    }

    private static ServiceProcess start(String name, Path workDir, Map<String, String> env, int port,
            List<String> args) throws IOException {
        Path jar = ROOT.resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw verify from the repository root, "
                    + "which packages the services before this module's tests");
        }
        Files.createDirectories(workDir);
        Path log = workDir.resolve(name + ".log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                // Appended, so a restarted service's log follows the previous run's.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Every test runs with the internal APIs closed, so each flow proves our callers send the token.
        builder.environment().put("BREAKDOWN_SERVICE_TOKEN", SERVICE_TOKEN);
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        return new ServiceProcess(name, port, log, builder.start(), workDir, Map.copyOf(env), List.copyOf(args));
    }

    /** Kills the process the hard way (SIGKILL on Linux): no shutdown hook, no goodbye to the broker. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " still alive 30 s after SIGKILL");
        }
    }

    /** Starts the same service again, with the same environment, directory and port; the old process must be gone. */
    ServiceProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running; kill() or close() it first");
        }
        return start(name, workDir, env, port, args);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited during start:\n" + logTail());
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " not healthy after " + timeout + ":\n" + logTail());
    }

    /** Waits until something accepts connections on {@code tcpPort} (a port the process was told to use). */
    void awaitListening(int tcpPort, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited during start:\n" + logTail());
            }
            try (java.net.Socket ignored = new java.net.Socket("localhost", tcpPort)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError(name + " not listening on " + tcpPort + " after " + timeout + ":\n" + logTail());
    }

    /** SIGTERM, as an operator stops it; true when it exited by itself within the timeout. */
    boolean stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A port nothing listens on and that this JVM has not handed out before: services bind theirs seconds later. */
    static synchronized int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}

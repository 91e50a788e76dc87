package dev.breakdown.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system under load: the local broker and the five services. Either started here from their jars on spare ports,
 * each in its own directory under a temporary work directory (so their embedded databases are fresh), or the stack
 * {@code scripts/start-all.sh} runs (its ports, its pids from {@code run/}). Members can be stopped (SIGTERM), killed
 * (SIGKILL), paused (SIGSTOP), resumed and, when started here, started again with the same settings and data.
 */
final class Stack implements AutoCloseable {
    static final List<String> SERVICES = List.of("agent-service", "calendar-service", "webhook-service", "chat-web",
            "gateway-service");
    // Settings of the user's own deployment that must not leak into a stack of fresh local processes.
    private static final List<String> NOT_INHERITED_PREFIXES = List.of("KAFKA_", "REDPANDA_", "PANDA_CLOUD_",
            "SPRING_DATASOURCE_", "AGENT_DATASOURCE_", "CALENDAR_DATASOURCE_", "CHAT_DATASOURCE_", "SERVER_PORT", "PORT",
            "AGENTKIT_URL", "CALENDAR_API_BASE", "AGENT_API_BASE", "CALENDAR_PUBLIC_URL", "GITHUB_", "JIRA_",
            "NUDGE_SLACK_WEBHOOK_URL", "WRITEBACK_", "OPENAI_");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, Member> members = new LinkedHashMap<>();
    final String bootstrap;
    final String webhookSecret;
    final boolean own;
    final Path work;

    /** One process of the stack. */
    static final class Member {
        final String name;
        final int port;
        private final List<String> command;
        private final Map<String, String> env;
        private final Path dir;
        private Process process;
        private long pid;

        private Member(String name, int port, List<String> command, Map<String, String> env, Path dir) {
            this.name = name;
            this.port = port;
            this.command = command;
            this.env = env;
            this.dir = dir;
        }

        private static Member running(String name, int port, long pid) {
            Member m = new Member(name, port, List.of(), Map.of(), null);
            m.pid = pid;
            return m;
        }

        long pid() {
            return pid;
        }

        boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        URI url(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        synchronized void start() throws IOException {
            if (command.isEmpty()) {
                throw new IllegalStateException(name + " was not started by this tool; it cannot start it again");
            }
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolveSibling(name + ".log").toFile()));
            builder.environment().keySet().removeIf(k -> NOT_INHERITED_PREFIXES.stream().anyMatch(k::startsWith));
            builder.environment().putAll(env);
            process = builder.start();
            pid = process.pid();
            JitPriority.lowerC2(pid);
        }

        /** SIGTERM, and the wait for the process to end (SIGKILL after 60 s). */
        void stop() throws InterruptedException {
            ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
            if (handle == null) {
                return;
            }
            resume();
            handle.destroy();
            try {
                handle.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                handle.destroyForcibly();
                handle.onExit().join();
            }
        }

        private synchronized void destroyProcess() {
            if (process != null) {
                process.destroy();
            }
        }

        /** SIGKILL: no shutdown hook, no flush, as a crash. */
        void kill() {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroyForcibly();
                h.onExit().join();
            });
        }

        void pause() throws IOException, InterruptedException {
            signal("STOP");
        }

        void resume() throws InterruptedException {
            try {
                signal("CONT");
            } catch (IOException e) {
                // gone already
            }
        }

        private void signal(String signal) throws IOException, InterruptedException {
            if (alive()) {
                new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
            }
        }

        /** Until it answers: the broker its port, a service {@code "UP"} on /actuator/health. */
        void awaitUp(Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!up()) {
                if (!alive()) {
                    throw new IllegalStateException(name + " ended during start; see " + log());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " not up after " + timeout + "; see " + log());
                }
                Thread.sleep(250);
            }
        }

        private boolean up() {
            if (name.equals("broker")) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("\"UP\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        String log() {
            return dir == null ? "logs/" + name + ".log" : dir.resolveSibling(name + ".log").toString();
        }
    }

    private Stack(String bootstrap, String webhookSecret, boolean own, Path work) {
        this.bootstrap = bootstrap;
        this.webhookSecret = webhookSecret;
        this.own = own;
        this.work = work;
    }

    /**
     * Starts the broker and the five services from {@code root}'s jars in {@code work}. {@code gatewayEnv} adds to
     * the gateway's settings (e.g. the chaos run's shorter transaction timeout).
     */
    static Stack start(Path root, Path work, Map<String, String> gatewayEnv) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> javaOpts = options(System.getenv().getOrDefault("BREAKDOWN_JAVA_OPTS", "-Xms64m -Xmx384m"));
        String jfrDir = System.getenv("BENCH_JFR_DIR");
        int brokerPort = freePort();
        String secret = "load-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        Stack stack = new Stack("localhost:" + brokerPort, secret, true, work);
        Map<String, Integer> ports = new HashMap<>();
        for (String name : SERVICES) {
            ports.put(name, freePort());
        }
        String agentUrl = "http://localhost:" + ports.get("agent-service");
        String calendarUrl = "http://localhost:" + ports.get("calendar-service");

        Map<String, String> brokerEnv = Map.of("LOCAL_BROKER_PORT", Integer.toString(brokerPort),
                "LOCAL_BROKER_CONTROLLER_PORT", Integer.toString(freePort()),
                "LOCAL_BROKER_DATA", work.resolve("kafka").toString());
        stack.add(new Member("broker", brokerPort, command(java, List.of("-Xms128m", "-Xmx512m"), jfrDir, "broker",
                copy(root.resolve("local-broker/target/local-broker.jar"), work), List.of("serve")), brokerEnv,
                work.resolve("broker")));
        for (String name : SERVICES) {
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrap);
            env.put("SERVER_PORT", Integer.toString(ports.get(name)));
            switch (name) {
                case "agent-service" -> env.put("CALENDAR_API_BASE", calendarUrl + "/api");
                case "calendar-service" -> env.put("CALENDAR_PUBLIC_URL", calendarUrl);
                case "webhook-service" -> env.put("GITHUB_WEBHOOK_SECRET", secret);
                case "chat-web" -> {
                    env.put("AGENT_API_BASE", agentUrl);
                    env.put("CALENDAR_API_BASE", calendarUrl + "/api");
                    env.put("CALENDAR_PUBLIC_URL", calendarUrl);
                }
                case "gateway-service" -> {
                    env.put("AGENTKIT_URL", agentUrl + "/run");
                    env.put("CALENDAR_API_BASE", calendarUrl + "/api");
                    // The overdue sweep would add its own events for the load's overdue issues after 5 minutes.
                    env.put("GATEWAY_SWEEP_INTERVAL", "6h");
                    // One INFO line per dry-run write-back; its README's advice under heavy load.
                    env.put("LOGGING_LEVEL_DEV_BREAKDOWN_GATEWAY_WRITEBACK", "WARN");
                    env.putAll(gatewayEnv);
                }
                default -> { }
            }
            stack.add(new Member(name, ports.get(name), command(java, javaOpts, jfrDir, name,
                    copy(root.resolve(name + "/target/" + name + ".jar"), work), List.of()), env, work.resolve(name)));
        }
        // Ctrl-C or a SIGTERM to this tool still ends what it started (try-with-resources does not run then).
        // Through the Process objects, never a bare pid: an ended member's pid may belong to someone else by then.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stack.members.values().forEach(Member::destroyProcess),
                "stop-stack"));
        Member broker = stack.member("broker");
        broker.start();
        broker.awaitUp(Duration.ofMinutes(2));
        createTopics(work.resolve("jars/local-broker.jar"), stack.bootstrap, work);
        for (String name : SERVICES) {
            stack.member(name).start();
        }
        for (String name : SERVICES) {
            stack.member(name).awaitUp(Duration.ofMinutes(6));
        }
        return stack;
    }

    /** The stack of scripts/start-all.sh: its ports and the pids it wrote to run/. */
    static Stack running(Path root) throws IOException {
        String secret = Optional.ofNullable(System.getenv("GITHUB_WEBHOOK_SECRET")).map(s -> s.split(",")[0].trim())
                .filter(s -> !s.isEmpty()).orElseThrow(() -> new IllegalStateException(
                        "GITHUB_WEBHOOK_SECRET is not set: the running stack's secret is needed to sign the deliveries"));
        String bootstrap = Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")).orElse("localhost:19092");
        Stack stack = new Stack(bootstrap, secret, false, null);
        Map<String, Integer> ports = Map.of("local-broker", 19092, "agent-service", 8000, "calendar-service", 7300,
                "webhook-service", 7000, "chat-web", 3000, "gateway-service", 7100);
        List<String> names = new ArrayList<>(List.of("local-broker"));
        names.addAll(SERVICES);
        for (String name : names) {
            Path pidFile = root.resolve("run/" + name + ".pid");
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                stack.add(Member.running(name.equals("local-broker") ? "broker" : name, ports.get(name), pid));
            } else if (!name.equals("local-broker")) {
                throw new IllegalStateException(pidFile + " is missing: start the stack with scripts/start-all.sh, "
                        + "or run without --running to start one of its own");
            }
        }
        return stack;
    }

    /**
     * The jar copied into the work directory: a build running meanwhile (on a shared machine) must not change or
     * half-write the jar a member is started again from.
     */
    private static Path copy(Path jar, Path work) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests package");
        }
        Path copy = work.resolve("jars").resolve(jar.getFileName());
        Files.createDirectories(copy.getParent());
        return Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void createTopics(Path tools, String bootstrap, Path work) throws IOException, InterruptedException {
        ProcessBuilder topics = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", tools.toString(), "topics")
                .redirectErrorStream(true).redirectOutput(work.resolve("topics.log").toFile());
        topics.environment().keySet().removeIf(k -> NOT_INHERITED_PREFIXES.stream().anyMatch(k::startsWith));
        topics.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        if (topics.start().waitFor() != 0) {
            throw new IllegalStateException("creating the topics failed; see " + work.resolve("topics.log"));
        }
    }

    private static List<String> command(String java, List<String> javaOpts, String jfrDir, String name, Path jar,
            List<String> args) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(javaOpts);
        if (jfrDir != null && !jfrDir.isBlank()) {
            command.add("-XX:StartFlightRecording=filename=" + Path.of(jfrDir).toAbsolutePath().resolve(name + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    private static List<String> options(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void add(Member m) {
        members.put(m.name, m);
    }

    Member member(String name) {
        Member m = members.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no " + name + " in this stack");
        }
        return m;
    }

    List<Member> members() {
        return new ArrayList<>(members.values());
    }

    /** local-broker.jar, for its tools (replay-dlt): the copy this stack's broker runs from. */
    Path toolsJar() {
        return work.resolve("jars/local-broker.jar");
    }

    URI webhookUrl() {
        return member("webhook-service").url("/github/issues");
    }

    URI calendarApi(String path) {
        return member("calendar-service").url("/api" + path);
    }

    /** Stops what this tool started, the broker last; a stack it did not start is left running. */
    @Override
    public void close() throws InterruptedException {
        if (!own) {
            return;
        }
        List<Member> reversed = new ArrayList<>(members.values());
        java.util.Collections.reverse(reversed);
        for (Member m : reversed) {
            m.stop();
        }
        try (var jars = Files.list(work.resolve("jars"))) {
            for (Path jar : jars.toList()) {
                Files.deleteIfExists(jar);
            }
        } catch (IOException e) {
            System.err.println("could not remove the copied jars in " + work.resolve("jars") + ": " + e.getMessage());
        }
    }
}

package dev.breakdown.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real broker as its own process from its jar, as scripts/start-all.sh does with BREAKDOWN_CDS=off. */
class LocalBrokerTest {
    @TempDir
    Path dataDir;
    private Process broker;

    @AfterEach
    void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }

    @Test
    void recordsSurviveABrokerRestart() throws Exception {
        int port = freePort();
        String bootstrap = "localhost:" + port;
        Path sample = dataDir.resolve("event.json");
        Files.copy(Path.of("..", "samples", "events", "p0-bug.json"), sample);

        broker = startBroker(port);
        CliArgs publish = CliArgs.parse(new String[] {"--topic", "issues", "--file", sample.toString(),
                "--bootstrap-servers", bootstrap});
        assertThat(new TopicPublisher(publish.clientProperties()).publish(publish)).isZero();
        assertThat(Files.exists(dataDir.resolve("kafka/logs/meta.properties"))).isTrue();

        broker.destroy();
        assertThat(broker.waitFor(60, TimeUnit.SECONDS)).as("broker stops on SIGTERM").isTrue();
        broker = startBroker(port);

        List<String> keys = new ArrayList<>();
        new TopicReader(publish.clientProperties()).read(List.of("issues"), Duration.ofSeconds(10), record -> {
            keys.add(record.key());
            return record.value().contains("3f1b6a2e-7c1d-11f0-8e2a-1a2b3c4d5e6f");
        });
        assertThat(keys).contains("github:acme/checkout#123");
    }

    private Process startBroker(int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BrokerCli.class.getName(), "serve")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("broker.log").toFile());
        builder.environment().put("LOCAL_BROKER_PORT", Integer.toString(port));
        builder.environment().put("LOCAL_BROKER_CONTROLLER_PORT", Integer.toString(freePort()));
        builder.environment().put("LOCAL_BROKER_DATA", dataDir.resolve("kafka").toString());
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("broker process alive; log: %s", log()).isTrue();
            try (Socket ignored = new Socket("localhost", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("broker did not listen on " + port + "; log: " + log());
    }

    private String log() {
        try {
            return Files.readString(dataDir.resolve("broker.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package dev.breakdown.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Kafka's own broker in KRaft combined mode (broker and controller in one process) with its data under
 * {@code data/kafka}: formatted once, then reused across restarts, unlike the test kit which deletes its data.
 */
final class LocalKafkaServer {
    private final Path dataDir;
    private final int port;
    private final int controllerPort;

    LocalKafkaServer(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    static LocalKafkaServer fromEnvironment() {
        int port = intVariable("LOCAL_BROKER_PORT", 19092);
        int controllerPort = intVariable("LOCAL_BROKER_CONTROLLER_PORT", port + 1);
        Path dataDir = Path.of(CliArgs.firstSet("LOCAL_BROKER_DATA").orElse("data/kafka"));
        return new LocalKafkaServer(dataDir, port, controllerPort);
    }

    int run() throws IOException {
        Path config = writeConfig();
        formatIfNew(config);
        System.out.printf("local-broker: Kafka on localhost:%d, data in %s%n", port, dataDir);
        kafka.Kafka.main(new String[] {config.toString()});
        return 0;
    }

    Path writeConfig() throws IOException {
        Files.createDirectories(dataDir);
        String template;
        try (InputStream in = LocalKafkaServer.class.getResourceAsStream("/server.properties")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String config = template
                .replace("${port}", Integer.toString(port))
                .replace("${controllerPort}", Integer.toString(controllerPort))
                .replace("${logDirs}", dataDir.resolve("logs").toString().replace('\\', '/'));
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, config);
        return file;
    }

    /** Formats the log directory on first start only; a formatted directory keeps its cluster id and topics. */
    void formatIfNew(Path config) throws IOException {
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString(), "--standalone"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("formatting " + dataDir + " failed: " + output.toString(StandardCharsets.UTF_8));
        }
        System.out.print(output.toString(StandardCharsets.UTF_8));
    }

    private static int intVariable(String name, int defaultValue) {
        String value = CliArgs.firstSet(name).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), got '" + value + "'");
        }
    }
}

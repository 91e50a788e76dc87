package dev.breakdown.broker;

import dev.breakdown.platform.kafka.KafkaConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** {@code --name value} options of the topic tools. */
record CliArgs(Map<String, String> values) {

    static CliArgs parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new CliArgs(values);
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("missing --" + name));
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    Duration timeout(int defaultSeconds) {
        return Duration.ofSeconds(optional("timeout").map(Integer::parseInt).orElse(defaultSeconds));
    }

    String bootstrapServers() {
        return optional("bootstrap-servers").orElseGet(() -> KafkaConnection.bootstrapServers(System::getenv));
    }

    /** Connection settings for the tools' clients: bootstrap servers plus SASL/TLS from the environment. */
    Properties clientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        props.putAll(KafkaConnection.securityProperties(System::getenv));
        return props;
    }

    static Optional<String> firstSet(String... variables) {
        for (String name : variables) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }
}

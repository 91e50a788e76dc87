package dev.breakdown.platform.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Kafka client connection settings from the architecture's environment variables and their Redpanda aliases,
 * checked so that a wrong value stops a service with a message that names the variable.
 */
public final class KafkaConnection {
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:19092";
    private static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

    private KafkaConnection() {
    }

    public static String bootstrapServers(Function<String, String> env) {
        return first(env, "KAFKA_BOOTSTRAP_SERVERS", "REDPANDA_BROKERS", "PANDA_CLOUD_BROKERS")
                .value(DEFAULT_BOOTSTRAP_SERVERS);
    }

    /** Security properties for Kafka clients (empty for a plaintext broker), keyed by Kafka's own config names. */
    public static Map<String, String> securityProperties(Function<String, String> env) {
        Setting mechanism = first(env, "KAFKA_SASL_MECHANISM", "REDPANDA_SASL_MECHANISM");
        Setting username = first(env, "KAFKA_SASL_USERNAME", "REDPANDA_SASL_USERNAME", "PANDA_CLOUD_USERNAME");
        Setting password = first(env, "KAFKA_SASL_PASSWORD", "REDPANDA_SASL_PASSWORD", "PANDA_CLOUD_PASSWORD");
        Setting caCert = first(env, "KAFKA_CA_CERT", "REDPANDA_CA_CERT");
        Setting protocol = first(env, "KAFKA_SECURITY_PROTOCOL");
        boolean sasl = mechanism.isSet() || username.isSet() || password.isSet();

        Map<String, String> props = new LinkedHashMap<>();
        String securityProtocol = protocol.isSet() ? protocol.value().toUpperCase(Locale.ROOT)
                : sasl ? "SASL_SSL" : caCert.isSet() ? "SSL" : "PLAINTEXT";
        if (!PROTOCOLS.contains(securityProtocol)) {
            throw new IllegalArgumentException(protocol.name() + " must be one of " + PROTOCOLS + ", got '"
                    + protocol.value() + "'");
        }
        if (securityProtocol.startsWith("SASL") && !sasl) {
            throw new IllegalArgumentException(protocol.name() + "=" + securityProtocol
                    + " needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD");
        }
        if (!securityProtocol.equals("PLAINTEXT")) {
            props.put("security.protocol", securityProtocol);
        }
        if (sasl) {
            // Redpanda Cloud's default mechanism; PLAIN must be asked for explicitly.
            String mech = mechanism.value("SCRAM-SHA-256").toUpperCase(Locale.ROOT);
            if (!MECHANISMS.contains(mech)) {
                throw new IllegalArgumentException(mechanism.name() + " must be one of " + MECHANISMS + ", got '"
                        + mechanism.value() + "'");
            }
            if (!username.isSet() || !password.isSet()) {
                throw new IllegalArgumentException("SASL needs both KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD "
                        + "(or their REDPANDA_/PANDA_CLOUD_ aliases); " + (username.isSet() ? "the password" : "the username")
                        + " is missing");
            }
            String module = mech.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            props.put("sasl.mechanism", mech);
            props.put("sasl.jaas.config", module + " required username=\"" + jaasEscape(username.value())
                    + "\" password=\"" + jaasEscape(password.value()) + "\";");
        }
        if (caCert.isSet()) {
            Path pem = Path.of(caCert.value());
            if (!Files.isReadable(pem)) {
                throw new IllegalArgumentException(caCert.name() + " names " + pem.toAbsolutePath()
                        + ", which is not a readable file (expected a PEM CA certificate)");
            }
            props.put("ssl.truststore.type", "PEM");
            props.put("ssl.truststore.location", pem.toAbsolutePath().toString());
        }
        return props;
    }

    private static String jaasEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Setting first(Function<String, String> env, String... names) {
        for (String name : names) {
            String value = env.apply(name);
            if (value != null && !value.isBlank()) {
                return new Setting(name, value.trim());
            }
        }
        return new Setting(names[0], null);
    }

    private record Setting(String name, String value) {
        boolean isSet() {
            return value != null;
        }

        String value(String fallback) {
            return value == null ? fallback : value;
        }
    }
}

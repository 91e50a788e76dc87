package dev.breakdown.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KafkaConnectionTest {

    @Test
    void plaintextByDefaultOnTheLocalBroker() {
        assertThat(KafkaConnection.securityProperties(Map.<String, String>of()::get)).isEmpty();
        assertThat(KafkaConnection.bootstrapServers(Map.<String, String>of()::get)).isEqualTo("localhost:19092");
    }

    @Test
    void redpandaCloudAliasesGiveScramOverTls() {
        Map<String, String> env = Map.of("PANDA_CLOUD_BROKERS", "seed.cloud.example:9092",
                "PANDA_CLOUD_USERNAME", "breakdown", "PANDA_CLOUD_PASSWORD", "p\"w");
        assertThat(KafkaConnection.bootstrapServers(env::get)).isEqualTo("seed.cloud.example:9092");
        assertThat(KafkaConnection.securityProperties(env::get))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"breakdown\" password=\"p\\\"w\";");
    }

    @Test
    void plainMechanismWithExplicitProtocolAndCaCertificate(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Map<String, String> env = Map.of("KAFKA_SASL_MECHANISM", "plain", "KAFKA_SASL_USERNAME", "u",
                "KAFKA_SASL_PASSWORD", "p", "KAFKA_SECURITY_PROTOCOL", "sasl_plaintext", "KAFKA_CA_CERT", ca.toString());
        assertThat(KafkaConnection.securityProperties(env::get))
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", ca.toAbsolutePath().toString());
    }

    @Test
    void wrongValuesNameTheVariable() {
        assertThatThrownBy(() -> KafkaConnection.securityProperties(
                Map.of("KAFKA_SASL_MECHANISM", "GSSAPI", "KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", "p")::get))
                .hasMessageContaining("KAFKA_SASL_MECHANISM").hasMessageContaining("GSSAPI");
        assertThatThrownBy(() -> KafkaConnection.securityProperties(Map.of("REDPANDA_SASL_USERNAME", "u")::get))
                .hasMessageContaining("KAFKA_SASL_PASSWORD").hasMessageContaining("password is missing");
        assertThatThrownBy(() -> KafkaConnection.securityProperties(Map.of("KAFKA_CA_CERT", "/nope/ca.pem")::get))
                .hasMessageContaining("KAFKA_CA_CERT").hasMessageContaining("/nope/ca.pem");
        assertThatThrownBy(() -> KafkaConnection.securityProperties(Map.of("KAFKA_SECURITY_PROTOCOL", "TLS")::get))
                .hasMessageContaining("KAFKA_SECURITY_PROTOCOL");
    }

    @Test
    void passwordNeverAppearsInAnError() {
        assertThatThrownBy(() -> KafkaConnection.securityProperties(
                Map.of("KAFKA_SASL_MECHANISM", "nope", "KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", "hunter2")::get))
                .message().doesNotContain("hunter2");
    }

    @Test
    void postProcessorPutsTheSettingsUnderSpringKafka() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", "p")));

        new KafkaConnectionEnvironmentPostProcessor().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("SCRAM-SHA-256");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config")).contains("username=\"u\"");
    }
}

package dev.breakdown.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An embedded KRaft broker whose client listener requires SASL/SCRAM-SHA-512 over TLS, as a managed Kafka or
 * Redpanda cloud cluster does. Its certificate is signed by a CA made for this run (JDK keytool); the CA's PEM
 * file is what KAFKA_CA_CERT points at. A second, plaintext listener serves only this class (creating the SCRAM
 * user through the Admin API); the services and tools are only told the secured one.
 */
final class SecuredBroker implements AutoCloseable {
    static final String USERNAME = "breakdown-e2e";
    private static final String STORE_PASSWORD = "e2e-store-pass";

    private final EmbeddedKafkaKraftBroker broker;
    private final int port;
    final Path caCert;
    final String password;

    private SecuredBroker(EmbeddedKafkaKraftBroker broker, int port, Path caCert, String password) {
        this.broker = broker;
        this.port = port;
        this.caCert = caCert;
        this.password = password;
    }

    /** Starts the broker with {@code partitions} partitions per topic and one SCRAM user, {@link #USERNAME}. */
    static SecuredBroker start(Path dir, int partitions) throws Exception {
        Files.createDirectories(dir);
        Path keystore = dir.resolve("broker.p12");
        Path caCert = selfSignedCaAndBrokerCertificate(dir, keystore);
        int port = ServiceProcess.freePort();
        Map<String, String> config = new HashMap<>(Map.of(
                "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,SECURED://localhost:" + port,
                "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,SECURED:SASL_SSL",
                "sasl.enabled.mechanisms", "SCRAM-SHA-512",
                "listener.name.secured.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "listener.name.secured.ssl.keystore.type", "PKCS12",
                "listener.name.secured.ssl.keystore.location", keystore.toString(),
                "listener.name.secured.ssl.keystore.password", STORE_PASSWORD,
                "listener.name.secured.ssl.key.password", STORE_PASSWORD));
        // The gateway's Kafka transactions on one broker (as TestBrokers.single).
        config.putAll(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1"));
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(config);
        broker.afterPropertiesSet();
        String password = "scram-" + UUID.randomUUID();
        SecuredBroker secured = new SecuredBroker(broker, port, caCert, password);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USERNAME,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get(30, TimeUnit.SECONDS);
        }
        return secured;
    }

    /** The only address the services and tools get: the SASL_SSL listener. */
    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The variables a user sets for such a cluster, with this password. */
    Map<String, String> env(String password) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(),
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", USERNAME,
                "KAFKA_SASL_PASSWORD", password,
                "KAFKA_CA_CERT", caCert.toString());
    }

    /** Kafka client settings for the test's own readers, written out by hand rather than through our mapping. */
    Properties clientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        props.put("security.protocol", "SASL_SSL");
        props.put("sasl.mechanism", "SCRAM-SHA-512");
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + USERNAME + "\" password=\"" + password + "\";");
        props.put("ssl.truststore.type", "PEM");
        props.put("ssl.truststore.location", caCert.toString());
        return props;
    }

    @Override
    public void close() {
        broker.destroy();
    }

    /**
     * A CA and a broker key pair whose certificate, for localhost and 127.0.0.1, the CA signs. Returns the CA's
     * PEM certificate; the broker's key and certificate chain go to {@code keystore} (PKCS12).
     */
    private static Path selfSignedCaAndBrokerCertificate(Path dir, Path keystore) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.p12");
        Path caPem = dir.resolve("ca.pem");
        Path csr = dir.resolve("broker.csr");
        Path signed = dir.resolve("broker.pem");
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=Breakdown e2e test CA", "-ext", "bc:c",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-keystore", ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString());
        keytool("-genkeypair", "-alias", "broker", "-dname", "CN=localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-keystore", keystore.toString());
        keytool("-certreq", "-alias", "broker", "-keystore", keystore.toString(), "-file", csr.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-infile", csr.toString(),
                "-outfile", signed.toString(), "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", keystore.toString());
        keytool("-importcert", "-alias", "broker", "-file", signed.toString(), "-keystore", keystore.toString());
        return caPem;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed:\n" + output);
        }
    }
}

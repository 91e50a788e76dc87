package dev.breakdown.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.Topics;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * webhook-service against the real local broker (Kafka's KRaft server with its data on disk), both from their jars.
 * The broker is stopped and started again on the same port and data while webhook-service keeps running: deliveries
 * get 503 with Retry-After during the outage, are accepted again afterwards, and only accepted ones are stored.
 */
class IntakeSurvivesBrokerOutageTest {
    private static final String SECRET = "outage-github-secret";
    private static final Path SAMPLE = Path.of("..", "samples", "webhooks", "github-issue-opened-p0-bug.json");

    @TempDir
    Path workDir;
    private final List<ServiceProcess> started = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void deliveriesGet503DuringABrokerOutageAndAreAcceptedAgainAfterItWithoutARestart() throws Exception {
        int brokerPort = ServiceProcess.freePort();
        Map<String, String> brokerEnv = Map.of("LOCAL_BROKER_PORT", Integer.toString(brokerPort),
                "LOCAL_BROKER_CONTROLLER_PORT", Integer.toString(ServiceProcess.freePort()),
                "LOCAL_BROKER_DATA", workDir.resolve("kafka-data").toString());
        ServiceProcess broker = track(ServiceProcess.start("local-broker", workDir.resolve("broker"), brokerEnv,
                List.of("serve")));
        broker.awaitListening(brokerPort, Duration.ofSeconds(90));
        ServiceProcess webhook = track(ServiceProcess.start("webhook-service", workDir.resolve("webhook"), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + brokerPort, "GITHUB_WEBHOOK_SECRET", SECRET)));
        webhook.awaitHealthy(Duration.ofMinutes(3));

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> answer = deliver(webhook);
            assertThat(answer.statusCode()).as("while the broker is up: %s", answer.body()).isEqualTo(202);
        }

        assertThat(broker.stop(Duration.ofSeconds(60))).as("broker exits on SIGTERM").isTrue();
        for (int i = 0; i < 3; i++) {
            Instant sent = Instant.now();
            HttpResponse<String> answer = deliver(webhook);
            Duration took = Duration.between(sent, Instant.now());
            assertThat(answer.statusCode()).as("during the outage: %s", answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).as("Retry-After").isPresent();
            assertThat(json(answer.body()).path("error").asString()).isEqualTo("broker_unavailable");
            assertThat(took).as("answered inside GitHub's 10 s").isLessThan(Duration.ofSeconds(9));
        }
        HttpResponse<String> readiness = Http.get(webhook.url("/actuator/health/readiness"));
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(json(readiness.body()).path("status").asString()).isEqualTo("DOWN");
        // Every refused record's producer delivery timeout (4 s) is long over before the broker returns.
        Thread.sleep(5_000);

        ServiceProcess restarted = track(broker.restart());
        restarted.awaitListening(brokerPort, Duration.ofSeconds(90));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        int status = 0;
        while (status != 202 && Instant.now().isBefore(deadline)) {
            status = deliver(webhook).statusCode();
            assertThat(status).as("after the broker is back: accepted or still unavailable").isIn(202, 503);
            if (status != 202) {
                Thread.sleep(500);
            }
        }
        assertThat(status).as("a delivery is accepted again within 120 s of the broker's return").isEqualTo(202);
        for (int i = 0; i < 5; i++) {
            assertThat(deliver(webhook).statusCode()).isEqualTo(202);
        }
        assertThat(Http.get(webhook.url("/actuator/health/readiness")).statusCode()).isEqualTo(200);

        Set<String> stored = storedEventIds("localhost:" + brokerPort);
        assertThat(stored).as("every delivery answered 202 is on %s", Topics.ISSUES).containsAll(accepted);
        assertThat(stored).as("no delivery answered 503 is on %s", Topics.ISSUES).doesNotContainAnyElementsOf(refused);
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(16);
        assertThat(refused).hasSizeGreaterThanOrEqualTo(3);
    }

    private ServiceProcess track(ServiceProcess process) {
        started.add(process);
        return process;
    }

    /** A signed GitHub delivery with a fresh delivery id, remembered as accepted or refused by its answer. */
    private HttpResponse<String> deliver(ServiceProcess webhook) throws Exception {
        String delivery = UUID.randomUUID().toString();
        byte[] body = Files.readAllBytes(SAMPLE);
        HttpResponse<String> answer = Http.postJson(webhook.url("/github/issues"), body, "X-GitHub-Event", "issues",
                "X-GitHub-Delivery", delivery, "X-Hub-Signature-256", Http.signature(SECRET, body));
        (answer.statusCode() == 202 ? accepted : refused).add(delivery);
        return answer;
    }

    private static Set<String> storedEventIds(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Set<String> ids = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ISSUES, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    ids.add(json(record.value()).path("event_id").asString());
                }
            }
        }
        return ids;
    }


    private static JsonNode json(String text) {
        return Json.mapper().readTree(text);
    }

}

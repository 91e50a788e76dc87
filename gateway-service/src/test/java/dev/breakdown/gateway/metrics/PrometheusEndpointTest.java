package dev.breakdown.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.Topics;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.gateway.standin.AgentStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What a Prometheus server scrapes from the gateway over real HTTP after one issue went through it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka
class PrometheusEndpointTest {

    static final AgentStandIn AGENT = AgentStandIn.start();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("AGENTKIT_URL", AGENT::runUrl);
    }

    @AfterAll
    static void stop() {
        AGENT.close();
    }

    @Test
    void scrapeShowsTheListenerTheKafkaClientsAndTheTrackersQuota() throws Exception {
        IssueEvent issue = IssueEvent.builder().eventId(UUID.randomUUID().toString()).projectId("alpha")
                .source("github").type("issue_opened").repo("acme/web").issueNumber(7).title("Metrics flow")
                .url("https://github.com/acme/web/issues/7").labels(List.of("frontend")).status("Open")
                .createdAt(Instant.parse("2025-10-17T20:05:42Z")).build();
        AGENT.decide(issue.eventId(), Decision.of("assign_owner", "owner:alice", "frontend label", "frontend-owner"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ISSUES, issue.topicKey(), Json.mapper().writeValueAsBytes(issue)))
                    .get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> AGENT.callsFor(issue.eventId()) == 1);
        // The listener's timer is recorded when its batch (with the outcome) has been handled.
        Pattern handled = Pattern.compile("spring_kafka_listener_seconds_count\\{application=\"gateway-service\","
                + "[^}]*result=\"success\"[^}]*} [1-9]");
        String scrape = await().atMost(Duration.ofSeconds(30)).until(this::scrape, body -> handled.matcher(body).find());

        assertThat(scrape)
                .contains("breakdown_writeback_rate_limit_remaining{application=\"gateway-service\",tracker=\"github\"}")
                .contains("breakdown_writeback_rate_limit_remaining{application=\"gateway-service\",tracker=\"jira\"}")
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*application=\"gateway-service\"");
    }

    private String scrape() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}

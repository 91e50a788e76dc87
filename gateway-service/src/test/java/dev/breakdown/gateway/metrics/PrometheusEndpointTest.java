package dev.breakdown.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.Topics;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.gateway.standin.AgentStandIn;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a Prometheus server scrapes from the gateway over real HTTP after one issue went through it (and one
 * unreadable record went to the DLT); and, with LOG_FORMAT=json, the issue's event id on the lines logged for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "LOG_FORMAT=json")
@EmbeddedKafka
@ExtendWith(OutputCaptureExtension.class)
class PrometheusEndpointTest {

    static final AgentStandIn AGENT = AgentStandIn.start();

    static {
        // Boot sets logging up once until a context closes, and earlier test classes' contexts stay open (cached):
        // without this the JSON format of this context would not take effect.
        LoggingSystem.get(PrometheusEndpointTest.class.getClassLoader()).cleanUp();
    }

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
    void scrapeShowsThePipelineMetersTheKafkaClientsAndTheTrackersQuota(CapturedOutput output) throws Exception {
        IssueEvent issue = IssueEvent.builder().eventId(UUID.randomUUID().toString()).projectId("alpha")
                .source("github").type("issue_opened").repo("acme/web").issueNumber(7).title("Metrics flow")
                .url("https://github.com/acme/web/issues/7").labels(List.of("frontend")).status("Open")
                .createdAt(Instant.parse("2025-10-17T20:05:42Z")).receivedAt(Instant.now()).build();
        AGENT.decide(issue.eventId(), Decision.of("assign_owner", "owner:alice", "frontend label", "frontend-owner"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ISSUES, issue.topicKey(), Json.mapper().writeValueAsBytes(issue)))
                    .get();
            producer.send(new ProducerRecord<>(Topics.ISSUES, "github:acme/web#8",
                    "not an issue event".getBytes(StandardCharsets.UTF_8))).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> AGENT.callsFor(issue.eventId()) == 1);
        // The listener's timer is recorded when its batch (with the outcome) has been handled.
        Pattern handled = Pattern.compile("spring_kafka_listener_seconds_count\\{application=\"gateway-service\","
                + "[^}]*result=\"success\"[^}]*} [1-9]");
        Pattern deadLettered = Pattern.compile("breakdown_gateway_dead_letters_total\\{application=\"gateway-service\","
                + "reason=\"unreadable\"} 1.0");
        String scrape = await().atMost(Duration.ofSeconds(30)).until(this::scrape,
                body -> handled.matcher(body).find() && deadLettered.matcher(body).find());

        // For docker/grafana/check-dashboard.py: every metric the dashboard queries must be in a real scrape.
        Files.writeString(Path.of("target", "prometheus-scrape.txt"), scrape);
        String labels = "action=\"assign_owner\",application=\"gateway-service\",policy=\"frontend-owner\",source=\"github\"";
        assertThat(scrape)
                .contains("breakdown_gateway_actions_total{action=\"assign_owner\",application=\"gateway-service\","
                        + "executor=\"AssignOwnerExecutor\",result=\"ok\"} 1.0")
                .as("dry-run (the default): the write-back request is described and counted, not sent")
                .contains("breakdown_writeback_requests_total{application=\"gateway-service\",method=\"POST\","
                        + "result=\"dry_run\",tracker=\"github\"} 1.0")
                .contains("# TYPE breakdown_pipeline_latency_seconds histogram")
                .contains("breakdown_pipeline_latency_seconds_count{" + labels + "} 1")
                .containsPattern("breakdown_pipeline_latency_seconds_bucket\\{" + labels + ",le=\"[0-9.]+\"} 1")
                .containsPattern("breakdown_pipeline_latency_seconds_bucket\\{" + labels + ",le=\"\\+Inf\"} 1")
                .contains("breakdown_writeback_rate_limit_remaining{application=\"gateway-service\",tracker=\"github\"}")
                .contains("breakdown_writeback_rate_limit_remaining{application=\"gateway-service\",tracker=\"jira\"}")
                .as("agent-gw's lag (per partition too, once Micrometer's next refresh has bound those: 1 min)")
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{application=\"gateway-service\","
                        + "client_id=\"consumer-agent-gw-[0-9]+\"");

        // The write-back's line, logged on the listener's thread while the event was processed.
        String line = output.getOut().lines().filter(l -> l.startsWith("{") && l.contains("assign_owner")
                && l.contains("is not live")).findFirst().orElseThrow(() -> new AssertionError("no write-back line in:\n" + output));
        assertThat(JsonPath.parse(line).read("$.event_id", String.class)).isEqualTo(issue.eventId());
    }

    private String scrape() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}

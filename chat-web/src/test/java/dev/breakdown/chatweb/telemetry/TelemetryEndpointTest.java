package dev.breakdown.chatweb.telemetry;

import static dev.breakdown.chatweb.support.Browserless.json;
import static dev.breakdown.chatweb.support.Browserless.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.chatweb.support.TopicReader;
import dev.breakdown.contracts.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/telemetry} on a real broker: the record it writes and every refusal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = "chatkit_telemetry")
class TelemetryEndpointTest {
    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    TopicReader topic;

    @BeforeEach
    void subscribe() {
        topic = new TopicReader(broker, "chatkit_telemetry");
    }

    @AfterEach
    void close() {
        topic.close();
    }

    String url() {
        return "http://localhost:" + port + "/api/telemetry";
    }

    List<ConsumerRecord<String, String>> recordsFor(String user, int expected) {
        return recordsFor(user, expected, Duration.ofSeconds(10));
    }

    List<ConsumerRecord<String, String>> recordsFor(String user, int expected, Duration wait) {
        return topic.recordsFor(user, expected, wait);
    }

    @Test
    void eventIsOnTheTopicKeyedByUserWithTsAndUserIdOnlyAfterTheAnswer() {
        HttpResponse<String> response = post(url(),
                "{\"type\":\"chatkit.response.start\",\"thread_id\":\"thr_1\"}", "Cookie", "chatkit_session_id=user-a");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("ok");
        List<ConsumerRecord<String, String>> records = recordsFor("user-a", 1);
        assertThat(records).hasSize(1);
        JsonNode value = Json.mapper().readTree(records.get(0).value());
        assertThat(value.path("type").asString()).isEqualTo("chatkit.response.start");
        assertThat(value.path("userId").asString()).isEqualTo("user-a");
        assertThat(value.path("thread_id").asString()).isEqualTo("thr_1");
        assertThat(value.path("ts").asLong()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    }

    @Test
    void theBodysOwnTimestampIsKept() {
        post(url(), "{\"type\":\"chatkit.error\",\"message\":\"boom\",\"ts\":1700000000000}", "Cookie", "chatkit_session_id=user-ts");

        JsonNode value = Json.mapper().readTree(recordsFor("user-ts", 1).get(0).value());
        assertThat(value.path("ts").asLong()).isEqualTo(1700000000000L);
        assertThat(value.path("message").asString()).isEqualTo("boom");
    }

    @Test
    void aNewUserGetsTheCookieAndTheRecordIsKeyedByIt() {
        HttpResponse<String> response = post(url(), "{\"type\":\"chatkit.thread.change\"}");

        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        String user = cookie.substring("chatkit_session_id=".length(), cookie.indexOf(';'));
        assertThat(recordsFor(user, 1)).hasSize(1);
    }

    @Test
    void invalidJsonIs400() {
        HttpResponse<String> response = post(url(), "{\"type\":", "Cookie", "chatkit_session_id=user-bad");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).isEqualTo("Invalid JSON");
    }

    @Test
    void missingOrNonStringTypeIs400() {
        for (String body : List.of("{}", "{\"type\":3}", "{\"type\":\"\"}", "[1,2]", "\"text\"")) {
            HttpResponse<String> response = post(url(), body, "Cookie", "chatkit_session_id=user-bad");

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).path("error").asString()).as(body).isEqualTo("Missing event type");
        }
    }

    @Test
    void bodyOver16KbIs413AndNothingIsWritten() {
        String big = "{\"type\":\"x\",\"pad\":\"" + "a".repeat(16 * 1024) + "\"}";

        HttpResponse<String> response = post(url(), big, "Cookie", "chatkit_session_id=user-big");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asString()).contains("16384 bytes");
        assertThat(recordsFor("user-big", 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void the61stEventInAMinuteIs429WithRetryAfterAndOtherUsersAreUnaffected() {
        for (int i = 0; i < 60; i++) {
            assertThat(post(url(), "{\"type\":\"t\"}", "Cookie", "chatkit_session_id=user-busy").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = post(url(), "{\"type\":\"t\"}", "Cookie", "chatkit_session_id=user-busy");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
        assertThat(json(limited).path("error").asString()).contains("at most 60 a minute");
        assertThat(post(url(), "{\"type\":\"t\"}", "Cookie", "chatkit_session_id=user-calm").statusCode()).isEqualTo(200);
    }
}

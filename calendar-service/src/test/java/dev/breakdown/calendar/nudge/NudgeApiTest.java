package dev.breakdown.calendar.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.calendar.Http;
import dev.breakdown.calendar.ServiceApiTest;
import dev.breakdown.calendar.Http.Response;
import dev.breakdown.calendar.PostgresDatabase;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The nudges API over HTTP, against a real PostgreSQL database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class NudgeApiTest extends ServiceApiTest {

    @RegisterExtension
    static final PostgresDatabase database = new PostgresDatabase("nudges");

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        database.register(registry);
    }

    private static final String TRIAGE_NUDGE = """
            {"to": "team:triage", "message": "New issue needs triage: Document the new API rate limits https://github.com/acme/docs/issues/77"}
            """;

    @Autowired
    JdbcClient jdbc;

    private long rowsWithKey(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM nudges WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single();
    }

    private List<String> listedIds() {
        Response list = http.get("/api/nudges?limit=1000");
        assertThat(list.status()).isEqualTo(200);
        return StreamSupport.stream(list.json().spliterator(), false).map(m -> m.get("id").asString()).toList();
    }

    @Test
    void nudgeWithoutChannelIsStoredRetrievableByIdAndListed() {
        Response created = http.postJson("/api/nudges", TRIAGE_NUDGE);

        assertThat(created.status()).isEqualTo(201);
        JsonNode nudge = created.json();
        String id = nudge.get("id").asString();
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/nudges/" + id));
        assertThat(nudge.get("to").asString()).isEqualTo("team:triage");
        assertThat(nudge.get("message").asString()).startsWith("New issue needs triage: Document");
        assertThat(nudge.get("priority").asString()).isEqualTo("normal");
        assertThat(nudge.get("status").asString()).isEqualTo("stored");
        assertThat(nudge.get("reason").asString()).contains("NUDGE_SLACK_WEBHOOK_URL");
        assertThat(nudge.get("created_at").asString()).isNotBlank();

        Response fetched = http.get("/api/nudges/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(nudge);
        assertThat(listedIds()).contains(id);
    }

    @Test
    void nudgesAreListedByTheirIssueLink() {
        String link = "https://github.com/acme/docs/issues/" + UUID.randomUUID();
        String first = http.postJson("/api/nudges", "{\"to\": \"team:triage\", \"message\": \"a\", \"link\": \"" + link + "\"}")
                .json().get("id").asString();
        String second = http.postJson("/api/nudges", "{\"to\": \"owner:alice\", \"message\": \"b\", \"link\": \"" + link + "\"}")
                .json().get("id").asString();
        http.postJson("/api/nudges", "{\"to\": \"team:triage\", \"message\": \"c\", \"link\": \"" + link + "0\"}");
        http.postJson("/api/nudges", TRIAGE_NUDGE);

        Response listed = http.get("/api/nudges?link=" + java.net.URLEncoder.encode(link, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(listed.status()).isEqualTo(200);
        assertThat(StreamSupport.stream(listed.json().spliterator(), false).map(n -> n.get("id").asString()).toList())
                .containsExactly(second, first);
    }

    @Test
    void givenPriorityIsKept() {
        Response created = http.postJson("/api/nudges", "{\"to\": \"owner:alice\", \"message\": \"Hi\", \"priority\": \"high\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("priority").asString()).isEqualTo("high");
    }

    @Test
    void sameIdempotencyKeyTwiceYieldsOneNudge() {
        String key = "act-" + UUID.randomUUID();

        Response first = http.postJson("/api/nudges", TRIAGE_NUDGE, key);
        Response second = http.postJson("/api/nudges", TRIAGE_NUDGE, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).hasValue("true");
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(rowsWithKey(key)).isEqualTo(1);
        assertThat(listedIds()).containsOnlyOnce(first.json().get("id").asString());
    }

    @Test
    void sameIdempotencyKeyWithADifferentBodyIsRejected() {
        String key = "act-" + UUID.randomUUID();
        http.postJson("/api/nudges", TRIAGE_NUDGE, key);

        Response conflict = http.postJson("/api/nudges", "{\"to\": \"team:triage\", \"message\": \"other\"}", key);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("error").asString()).isEqualTo("idempotency_key_reused");
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void postsWithoutIdempotencyKeyEachCreateANudge() {
        String first = http.postJson("/api/nudges", TRIAGE_NUDGE).json().get("id").asString();
        String second = http.postJson("/api/nudges", TRIAGE_NUDGE).json().get("id").asString();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void concurrentPostsWithTheSameKeyYieldOneNudge() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = "race-" + UUID.randomUUID();

            List<Response> responses = Http.concurrently(8, () -> http.postJson("/api/nudges", TRIAGE_NUDGE, key));

            assertThat(responses).extracting(Response::status).containsOnly(201, 200);
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses).extracting(r -> r.json().get("id").asString())
                    .containsOnly(responses.get(0).json().get("id").asString());
            assertThat(rowsWithKey(key)).isEqualTo(1);
        }
    }

    @Test
    void unknownNudgeIsNotFound() {
        Response missing = http.get("/api/nudges/nope");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asString()).isEqualTo("not_found");
    }

    @Test
    void missingRecipientOrMessageIsRejectedNamingTheField() {
        assertRejected("{\"message\": \"hi\"}", "to");
        assertRejected("{\"to\": \"team:triage\"}", "message");
        assertRejected("{\"to\": \"\", \"message\": \"hi\"}", "to");
        assertRejected("{\"to\": \"team:triage\", \"message\": \"  \"}", "message");
    }

    @Test
    void badPriorityIsRejectedNamingTheField() {
        assertRejected("{\"to\": \"a\", \"message\": \"hi\", \"priority\": \"very high!\"}", "priority");
        assertRejected("{\"to\": \"a\", \"message\": \"hi\", \"priority\": [\"high\"]}", "priority");
    }

    @Test
    void malformedJsonAndNonJsonAreRejected() {
        Response malformed = http.postJson("/api/nudges", "{\"to\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").asString()).isEqualTo("malformed_json");

        Response form = http.post("/api/nudges", "application/x-www-form-urlencoded", "to=a&message=b", null);
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().get("error").asString()).isEqualTo("unsupported_media_type");
    }

    @Test
    void multiLineMessageIsKeptButControlCharactersAreRejected() {
        Response multiLine = http.postJson("/api/nudges", "{\"to\": \"a\", \"message\": \"line 1\\nline 2\"}");
        assertThat(multiLine.status()).isEqualTo(201);
        assertThat(multiLine.json().get("message").asString()).isEqualTo("line 1\nline 2");

        assertRejected("{\"to\": \"a\", \"message\": \"nul \\u0000 byte\"}", "message");
    }

    private void assertRejected(String body, String field) {
        Response response = http.postJson("/api/nudges", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).as(response.toString()).contains("'" + field + "'");
    }
}

package dev.breakdown.chatweb.assistant;

import static dev.breakdown.chatweb.ChatKitClient.JSON;
import static dev.breakdown.chatweb.ChatKitClient.addMessage;
import static dev.breakdown.chatweb.ChatKitClient.create;
import static dev.breakdown.chatweb.ChatKitClient.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.breakdown.chatweb.LiveChatWebTest;
import dev.breakdown.chatweb.StandInChatModel;
import dev.breakdown.chatweb.StandInService;
import dev.breakdown.chatweb.activity.ActivityStore;
import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/**
 * The assistant against a local stand-in of the Chat Completions API: answers stream as deltas, tool calls split over
 * chunks run against real data (actions and outcomes on the embedded broker, agent and calendar stand-ins) and their
 * results go back to the model, and model failures become error events the user can retry.
 */
class AssistantTest extends LiveChatWebTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ActivityStore activity;

    @Autowired
    IssueEventLog issues;

    @Autowired
    EmbeddedKafkaBroker broker;

    private static String user() {
        return "user-" + UUID.randomUUID();
    }

    /** The messages the stand-in received in its {@code n}th request. */
    private static JsonNode messages(int n) {
        return MODEL.received().get(n).body().get("messages");
    }

    private static JsonNode toolMessage(int request, String callId) {
        for (JsonNode message : messages(request)) {
            if ("tool".equals(message.get("role").asString()) && callId.equals(message.get("tool_call_id").asString())) {
                return message;
            }
        }
        throw new AssertionError("no tool message for " + callId + " in " + messages(request));
    }

    private static String finalText(List<JsonNode> events) {
        JsonNode done = events.get(events.size() - 1);
        assertThat(done.get("type").asString()).isEqualTo("thread.item.done");
        return done.get("item").get("content").get(0).get("text").asString();
    }

    private void publishAction(String issueKey, String project, String action, String target, String policy, double delta,
                               boolean ack) throws Exception {
        String id = "act-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafka.send(Topics.ACTIONS, issueKey, JSON.writeValueAsString(new ActionEvent(id, project, action, target,
                "because " + policy, "https://example.test/" + issueKey, "evt-" + id, policy, now))).get();
        kafka.send(Topics.OUTCOMES, issueKey, JSON.writeValueAsString(new OutcomeEvent("out-" + id, project, delta, ack,
                id, action, ack ? "done" : "calendar-service answered 503", now))).get();
        await().atMost(Duration.ofSeconds(15)).until(() -> activity.entries().stream()
                .anyMatch(e -> e.action().eventId().equals(id) && e.outcome() != null));
    }

    @Test
    void aPlainAnswerStreamsAsDeltasFromTheConfiguredModel() {
        MODEL.answerText("Nothing ", "happened ", "yet.");
        List<JsonNode> events = chatkit.events(user(), create("Anything new?"));

        assertThat(events).filteredOn(e -> e.has("update") && e.get("update").has("delta"))
                .extracting(e -> e.get("update").get("delta").asString()).containsExactly("Nothing ", "happened ", "yet.");
        assertThat(finalText(events)).isEqualTo("Nothing happened yet.");

        StandInChatModel.Received request = MODEL.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).as("OPENAI_BASE_URL ends in /v1, the client adds chat/completions")
                .isEqualTo("/v1/chat/completions");
        assertThat(request.authorization()).isEqualTo("Bearer sk-test-key");
        assertThat(request.body().get("model").asString()).isEqualTo("stand-in-model");
        assertThat(request.body().get("stream").asBoolean()).isTrue();
        assertThat(messages(0).get(0).get("role").asString()).isEqualTo("system");
        assertThat(messages(0).get(0).get("content").asString()).contains("Breakdown", "Answer only from the data your tools return");
        assertThat(messages(0).get(1).get("content").asString()).isEqualTo("Anything new?");
        assertThat(request.body().get("tools")).extracting(t -> t.get("function").get("name").asString())
                .containsExactlyInAnyOrder("recent_actions", "explain_issue", "meetings", "nudges", "project_risk",
                        "policies_in_force");
    }

    @Test
    void recentActionsToolReadsTheActionAndOutcomeFromTheBrokerAndTheModelGetsThem() throws Exception {
        publishAction("jira:PROJ-789", "alpha", "escalate_owner", "team:platform", "bug-p0-escalation", -0.3, true);
        publishAction("jira:PROJ-790", "alpha", "post_nudge", "team:triage", "new-issue-nudge", -0.05, true);
        MODEL.callTool("call_actions", "recent_actions", "{\"issue\":\"PROJ-789\",\"since\":\"24h\"}");
        MODEL.answerText("PROJ-789 was escalated to team:platform.");

        List<JsonNode> events = chatkit.events(user(), create("Why was PROJ-789 escalated?"));

        assertThat(types(events)).contains("progress_update");
        JsonNode progress = events.stream().filter(e -> e.get("type").asString().equals("progress_update")).findFirst().orElseThrow();
        assertThat(progress.get("text").asString()).isEqualTo("Reading the agent's recent actions and outcomes");
        assertThat(types(events).indexOf("progress_update")).isLessThan(types(events).indexOf("thread.item.added"));
        assertThat(finalText(events)).isEqualTo("PROJ-789 was escalated to team:platform.");

        assertThat(MODEL.received()).hasSize(2);
        JsonNode call = messages(1).get(messages(1).size() - 2);
        assertThat(call.get("role").asString()).isEqualTo("assistant");
        assertThat(call.get("tool_calls").get(0).get("function").get("arguments").asString())
                .isEqualTo("{\"issue\":\"PROJ-789\",\"since\":\"24h\"}");
        JsonNode result = JSON.readTree(toolMessage(1, "call_actions").get("content").asString());
        assertThat(result.get("total_matching").asInt()).isEqualTo(1);
        JsonNode action = result.get("actions").get(0);
        assertThat(action.get("issue").asString()).isEqualTo("jira:PROJ-789");
        assertThat(action.get("action").asString()).isEqualTo("escalate_owner");
        assertThat(action.get("target").asString()).isEqualTo("team:platform");
        assertThat(action.get("policy").asString()).isEqualTo("bug-p0-escalation");
        assertThat(action.get("outcome").get("ack").asBoolean()).isTrue();
        assertThat(action.get("outcome").get("risk_delta").asDouble()).isEqualTo(-0.3);
    }

    @Test
    void explainIssueSendsTheIssuesLatestEventToTheAgentsExplain() throws Exception {
        IssueEvent event = IssueEvent.builder().eventId("evt-explain-1").projectId("alpha").source("jira")
                .type("issue_updated").issueKey("EXPL-7").title("Checkout fails").labels(List.of("bug", "p0"))
                .priority("Highest").updatedAt(Instant.parse("2026-11-29T08:00:00Z")).build();
        kafka.send(Topics.ISSUES, "jira:EXPL-7", JSON.writeValueAsString(event)).get();
        await().atMost(Duration.ofSeconds(15)).until(() -> issues.latest(k -> k.equals("jira:EXPL-7")).isPresent());
        AGENT.answer("/explain", """
                {"event_id":"evt-explain-1","dry_run":true,"policy_file":"classpath:policies/default.yml",
                 "rules":[{"rule":"bug-p0-escalation","line":3,"matched":true,"applied":true,"why":"label bug and priority Highest",
                           "conditions":[{"condition":"label bug","matched":true,"reason":"labels: bug, p0"}],
                           "decisions":[{"action":"escalate_owner","target":"team:platform","rationale":"P0 bug","policy":"bug-p0-escalation"}]},
                          {"rule":"frontend-owner","line":9,"matched":false,"applied":false,"why":"no label frontend"}],
                 "decisions":[{"action":"escalate_owner","target":"team:platform","rationale":"P0 bug","policy":"bug-p0-escalation"}]}
                """);
        MODEL.callTool("call_explain", "explain_issue", "{\"issue\":\"EXPL-7\"}");
        MODEL.answerText("It is a P0 bug.");

        List<JsonNode> events = chatkit.events(user(), create("Why was EXPL-7 escalated?"));

        assertThat(finalText(events)).isEqualTo("It is a P0 bug.");
        StandInService.Request explain = AGENT.received().get(0);
        assertThat(explain.method() + " " + explain.path()).isEqualTo("POST /explain");
        JsonNode sent = JSON.readTree(explain.body());
        assertThat(sent.get("event_id").asString()).isEqualTo("evt-explain-1");
        assertThat(sent.get("issue_key").asString()).isEqualTo("EXPL-7");
        JsonNode result = JSON.readTree(toolMessage(1, "call_explain").get("content").asString());
        assertThat(result.get("issue").asString()).isEqualTo("jira:EXPL-7");
        assertThat(result.get("matched_rules").get(0).get("rule").asString()).isEqualTo("bug-p0-escalation");
        assertThat(result.get("matched_rules").get(0).get("why").asString()).isEqualTo("label bug and priority Highest");
        assertThat(result.get("agent").get("rules_not_matched").get(0).asString()).isEqualTo("frontend-owner");
        assertThat(result.get("agent").get("decisions").get(0).get("target").asString()).isEqualTo("team:platform");
    }

    @Test
    void meetingsToolAsksTheCalendarWithTheFiltersAndKeepsOnlyMatchingMeetings() {
        CALENDAR.answer("/api/meetings", """
                [{"id":"m1","title":"Unblock github:acme/checkout#123","participants":["owner:alice","team:triage"],
                  "start_at":"2026-11-30T10:00:00Z","duration_min":15,"status":"scheduled","ics":"http://x/m1.ics"},
                 {"id":"m2","title":"Unblock jira:OPS-1","participants":["owner:bob"],
                  "start_at":"2026-11-30T11:00:00Z","duration_min":30,"status":"scheduled"}]
                """);
        MODEL.callTool("call_meetings", "meetings", "{\"participant\":\"alice\",\"from\":\"2026-11-01\"}");
        MODEL.answerText("Alice meets at 10:00.");

        chatkit.events(user(), create("Who is meeting about checkout#123 and when?"));

        StandInService.Request list = CALENDAR.received().get(0);
        assertThat(list.method() + " " + list.path()).isEqualTo("GET /api/meetings");
        assertThat(list.query()).as(CALENDAR.received().toString()).contains("participant=alice", "from=2026-11-01T00:00:00Z");
        JsonNode result = JSON.readTree(toolMessage(1, "call_meetings").get("content").asString());
        assertThat(result.get("meetings")).extracting(m -> m.get("id").asString()).containsExactly("m1");
        assertThat(result.get("meetings").get(0).get("start_at").asString()).isEqualTo("2026-11-30T10:00:00Z");
    }

    @Test
    void nudgesToolListsTheRecipientsNudges() {
        String recent = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS).toString();
        CALENDAR.answer("/api/nudges", "[{\"id\":\"n1\",\"to\":\"team:triage\",\"message\":\"Please triage jira:PROJ-1\","
                + "\"priority\":\"normal\",\"status\":\"sent\",\"created_at\":\"" + recent + "\"},"
                + "{\"id\":\"n2\",\"to\":\"owner:bob\",\"message\":\"Look at OPS-2\",\"priority\":\"high\","
                + "\"status\":\"sent\",\"created_at\":\"" + recent + "\"}]");
        MODEL.callTool("call_nudges", "nudges", "{\"recipient\":\"team:triage\"}");
        MODEL.answerText("One nudge to triage.");

        chatkit.events(user(), create("Which nudges went to triage?"));

        assertThat(CALENDAR.received().get(0).query()).contains("to=team:triage");
        JsonNode result = JSON.readTree(toolMessage(1, "call_nudges").get("content").asString());
        assertThat(result.get("nudges")).extracting(n -> n.get("id").asString()).containsExactly("n1");
    }

    @Test
    void projectRiskSumsTheOutcomesRiskDeltasAndNamesWhatMovedItMost() throws Exception {
        publishAction("github:acme/risky#1", "gamma", "schedule_unblocker", "team:triage", "overdue-unblocker", 0.1, false);
        publishAction("github:acme/risky#1", "gamma", "schedule_unblocker", "team:triage", "overdue-unblocker", 0.1, false);
        publishAction("github:acme/risky#2", "gamma", "assign_owner", "owner:alice", "frontend-owner", -0.1, true);
        MODEL.callTool("call_risk", "project_risk", "{\"project\":\"gamma\",\"since\":\"7d\"}");
        MODEL.answerText("Gamma's risk went up by 0.1.");

        chatkit.events(user(), create("Which project's risk went up this week?"));

        JsonNode project = JSON.readTree(toolMessage(1, "call_risk").get("content").asString()).get("projects").get(0);
        assertThat(project.get("project").asString()).isEqualTo("gamma");
        assertThat(project.get("risk_change").asDouble()).isEqualTo(0.1);
        assertThat(project.get("outcomes").asInt()).isEqualTo(3);
        assertThat(project.get("failures").asInt()).isEqualTo(2);
        assertThat(project.get("top_issues").get(0).get("name").asString()).isEqualTo("github:acme/risky#1");
        assertThat(project.get("top_issues").get(0).get("risk_change").asDouble()).isEqualTo(0.2);
    }

    @Test
    void policiesToolReadsThePoliciesInForceFromTheAgent() {
        AGENT.answer("/policies", "{\"file\":\"classpath:policies/default.yml\",\"sha256\":\"abc\","
                + "\"loaded_at\":\"2026-11-29T07:00:00Z\",\"rules\":[\"bug-p0-escalation\",\"frontend-owner\","
                + "\"overdue-unblocker\",\"new-issue-nudge\"],\"teams\":[\"platform\",\"triage\"]}");
        MODEL.callTool("call_policies", "policies_in_force", "{}");
        MODEL.answerText("Four rules.");

        chatkit.events(user(), create("Which policies are in force?"));

        assertThat(AGENT.received().get(0).path()).isEqualTo("/policies");
        JsonNode result = JSON.readTree(toolMessage(1, "call_policies").get("content").asString());
        assertThat(result.get("rules")).extracting(JsonNode::asString)
                .containsExactly("bug-p0-escalation", "frontend-owner", "overdue-unblocker", "new-issue-nudge");
    }

    @Test
    void aToolWhoseServiceFailsTellsTheModelWhatCouldNotBeLookedUp() {
        MODEL.callTool("call_broken", "policies_in_force", "{}");
        MODEL.answerText("The agent did not answer.");

        List<JsonNode> events = chatkit.events(user(), create("Which policies are in force?"));

        assertThat(finalText(events)).isEqualTo("The agent did not answer.");
        assertThat(toolMessage(1, "call_broken").get("content").asString()).contains("The tool policies_in_force failed");
    }

    @Test
    void aRateLimitIsAnErrorEventToRetryAndTheThreadStaysUsable() {
        String user = user();
        MODEL.fail(429, "Rate limit reached for requests");
        List<JsonNode> failed = chatkit.events(user, create("Anything new?"));

        JsonNode error = failed.get(failed.size() - 1);
        assertThat(error.get("type").asString()).isEqualTo("error");
        assertThat(error.get("code").asString()).isEqualTo("custom");
        assertThat(error.get("allow_retry").asBoolean()).isTrue();
        assertThat(error.get("message").asString()).contains("rate limit", "Wait a minute").doesNotContain("sk-test-key");

        String threadId = failed.get(0).get("thread").get("id").asString();
        String question = failed.get(1).get("item").get("id").asString();
        MODEL.answerText("Now it works.");
        List<JsonNode> retried = chatkit.events(user, "{\"type\":\"threads.retry_after_item\",\"params\":{\"thread_id\":\""
                + threadId + "\",\"item_id\":\"" + question + "\"}}");
        assertThat(finalText(retried)).isEqualTo("Now it works.");

        MODEL.answerText("And again.");
        assertThat(finalText(chatkit.events(user, addMessage(threadId, "More?")))).isEqualTo("And again.");
    }

    @Test
    void aRefusedKeyOrUnknownModelSaysWhichVariableToCheck() {
        MODEL.fail(401, "Incorrect API key provided");
        List<JsonNode> unauthorized = chatkit.events(user(), create("hi"));
        assertThat(unauthorized.get(unauthorized.size() - 1).get("message").asString()).contains("OPENAI_API_KEY");

        MODEL.fail(404, "The model `stand-in-model` does not exist");
        List<JsonNode> unknown = chatkit.events(user(), create("hi"));
        assertThat(unknown.get(unknown.size() - 1).get("message").asString()).contains("CHAT_MODEL", "/v1");
    }

    @Test
    void aModelThatDoesNotAnswerInTimeIsAnErrorEvent() {
        MODEL.answerAfter(Duration.ofSeconds(11), "too late");
        long started = System.nanoTime();
        List<JsonNode> events = chatkit.events(user(), create("Are you there?"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(11));
        JsonNode error = events.get(events.size() - 1);
        assertThat(error.get("type").asString()).isEqualTo("error");
        assertThat(error.get("allow_retry").asBoolean()).isTrue();
        assertThat(error.get("message").asString()).contains("did not answer within 8 s", "CHAT_MODEL_TIMEOUT");
    }

    @Test
    void everyTurnLeavesOneTelemetryRecordWithoutTheUsersText() {
        String user = user();
        MODEL.answerText("Fine.");
        List<JsonNode> events = chatkit.events(user, create("a secret question about PROJ-1"));
        String threadId = events.get(0).get("thread").get("id").asString();

        Map<String, Object> config = Map.of("bootstrap.servers", broker.getBrokersAsString(), "group.id", "t-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CHATKIT_TELEMETRY));
            ConsumerRecord<String, String> turn = await().atMost(Duration.ofSeconds(15)).until(() -> {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : records) {
                    if (record.value().contains(threadId)) {
                        return record;
                    }
                }
                return null;
            }, r -> r != null);
            assertThat(turn.key()).isEqualTo(user);
            JsonNode record = JSON.readTree(turn.value());
            assertThat(record.get("type").asString()).isEqualTo("assistant.turn");
            assertThat(record.get("userId").asString()).isEqualTo(user);
            assertThat(turn.value()).contains("\"model\":\"stand-in-model\"", "\"outcome\":\"answered\"",
                    "\"prompt_tokens\":42", "\"completion_tokens\":7", "latency_ms").doesNotContain("secret question");
        }
    }
}

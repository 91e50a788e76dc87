package dev.breakdown.chatweb.chatkit;

import static dev.breakdown.chatweb.ChatKitClient.JSON;
import static dev.breakdown.chatweb.ChatKitClient.addMessage;
import static dev.breakdown.chatweb.ChatKitClient.create;
import static dev.breakdown.chatweb.ChatKitClient.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.breakdown.chatweb.LiveChatWebTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every request type of the ChatKit protocol against the running app, checked against the field names and types of
 * openai/chatkit-python's {@code types.py} and the behaviour of its {@code server.py}.
 */
class ChatKitProtocolTest extends LiveChatWebTest {

    @Autowired
    ChatKitStore store;

    private static String user() {
        return "user-" + UUID.randomUUID();
    }

    private String newThread(String user, String text) {
        MODEL.answerText("Noted.");
        List<JsonNode> events = chatkit.events(user, create(text));
        return events.get(0).get("thread").get("id").asString();
    }

    @Test
    void threadsCreateStreamsTheThreadTheUserMessageAndTheAnsweredDeltas() {
        MODEL.answerText("Two ", "actions ", "today.");
        String user = user();
        List<JsonNode> events = chatkit.events(user, create("What did the agent do today?"));

        assertThat(types(events)).containsExactly("thread.created", "thread.item.done", "thread.updated",
                "stream_options", "thread.item.added", "thread.item.updated", "thread.item.updated",
                "thread.item.updated", "thread.item.updated", "thread.item.updated", "thread.item.done");
        JsonNode thread = events.get(0).get("thread");
        assertThat(thread.get("id").asString()).startsWith("thr_");
        assertThat(Instant.parse(thread.get("created_at").asString())).isNotNull();
        assertThat(thread.get("status").get("type").asString()).isEqualTo("active");
        assertThat(thread.get("items").get("data").isEmpty()).isTrue();
        assertThat(thread.get("items").get("has_more").asBoolean()).isFalse();
        assertThat(thread.has("title")).as("None fields are left out").isFalse();

        JsonNode userItem = events.get(1).get("item");
        assertThat(userItem.get("type").asString()).isEqualTo("user_message");
        assertThat(userItem.get("thread_id").asString()).isEqualTo(thread.get("id").asString());
        assertThat(userItem.get("content").get(0).get("type").asString()).isEqualTo("input_text");
        assertThat(userItem.get("content").get(0).get("text").asString()).isEqualTo("What did the agent do today?");
        assertThat(userItem.get("attachments").isArray()).isTrue();
        assertThat(userItem.get("inference_options").isObject()).isTrue();

        assertThat(events.get(2).get("thread").get("title").asString()).isEqualTo("What did the agent do today?");
        assertThat(events.get(3).get("stream_options").get("allow_cancel").asBoolean()).isTrue();

        JsonNode added = events.get(4).get("item");
        assertThat(added.get("type").asString()).isEqualTo("assistant_message");
        String itemId = added.get("id").asString();
        JsonNode partAdded = events.get(5);
        assertThat(partAdded.get("item_id").asString()).isEqualTo(itemId);
        assertThat(partAdded.get("update").get("type").asString()).isEqualTo("assistant_message.content_part.added");
        assertThat(partAdded.get("update").get("content_index").asInt()).isZero();
        assertThat(partAdded.get("update").get("content").get("type").asString()).isEqualTo("output_text");
        assertThat(events.subList(6, 9)).extracting(e -> e.get("update").get("type").asString())
                .containsOnly("assistant_message.content_part.text_delta");
        assertThat(events.subList(6, 9)).extracting(e -> e.get("update").get("delta").asString())
                .containsExactly("Two ", "actions ", "today.");
        assertThat(events.get(9).get("update").get("type").asString()).isEqualTo("assistant_message.content_part.done");
        assertThat(events.get(9).get("update").get("content").get("text").asString()).isEqualTo("Two actions today.");
        JsonNode done = events.get(10).get("item");
        assertThat(done.get("id").asString()).isEqualTo(itemId);
        assertThat(done.get("content").get(0).get("text").asString()).isEqualTo("Two actions today.");
        assertThat(done.get("content").get(0).get("annotations").isArray()).isTrue();

        JsonNode stored = chatkit.json(user, "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\""
                + thread.get("id").asString() + "\"}}");
        assertThat(stored.get("title").asString()).isEqualTo("What did the agent do today?");
        assertThat(stored.get("items").get("data")).extracting(i -> i.get("type").asString())
                .containsExactly("user_message", "assistant_message");
        assertThat(stored.get("items").get("data").get(1).get("content").get(0).get("text").asString())
                .isEqualTo("Two actions today.");
    }

    @Test
    void aLongFirstMessageGivesATitleCutAtAWord() {
        assertThat(ChatKitServer.title("Which unblocker meetings are coming up for the checkout team and who attends them?"))
                .isEqualTo("Which unblocker meetings are coming up for the checkout team…");
    }

    @Test
    void addUserMessageAnswersInTheSameThreadWithTheEarlierMessages() {
        String user = user();
        String threadId = newThread(user, "First question");
        MODEL.answerText("Second answer.");

        List<JsonNode> events = chatkit.events(user, addMessage(threadId, "Second question"));

        assertThat(types(events)).startsWith("thread.item.done", "stream_options", "thread.item.added")
                .endsWith("thread.item.done").doesNotContain("thread.updated", "thread.created");
        JsonNode sent = MODEL.received().get(MODEL.received().size() - 1).body();
        assertThat(sent.get("messages")).extracting(m -> m.get("role").asString() + ":" + m.get("content").asString())
                .containsSubsequence("user:First question", "assistant:Noted.", "user:Second question");
    }

    @Test
    void threadsListPagesNewestFirstWithAfterAndHasMore() {
        String user = user();
        String first = newThread(user, "one");
        String second = newThread(user, "two");
        String third = newThread(user, "three");

        JsonNode page1 = chatkit.json(user, "{\"type\":\"threads.list\",\"params\":{\"limit\":2}}");
        assertThat(page1.get("data")).extracting(t -> t.get("id").asString()).containsExactly(third, second);
        assertThat(page1.get("has_more").asBoolean()).isTrue();
        assertThat(page1.get("after").asString()).isEqualTo(second);
        assertThat(page1.get("data").get(0).get("title").asString()).isEqualTo("three");
        assertThat(page1.get("data").get(0).get("items").get("data").isEmpty()).isTrue();

        JsonNode page2 = chatkit.json(user, "{\"type\":\"threads.list\",\"params\":{\"limit\":2,\"after\":\"" + second + "\"}}");
        assertThat(page2.get("data")).extracting(t -> t.get("id").asString()).containsExactly(first);
        assertThat(page2.get("has_more").asBoolean()).isFalse();
        assertThat(page2.has("after")).isFalse();

        JsonNode ascending = chatkit.json(user, "{\"type\":\"threads.list\",\"params\":{\"order\":\"asc\"}}");
        assertThat(ascending.get("data")).extracting(t -> t.get("id").asString()).containsExactly(first, second, third);
    }

    @Test
    void itemsListPagesInBothOrders() {
        String user = user();
        String threadId = newThread(user, "q1");
        MODEL.answerText("a2");
        chatkit.events(user, addMessage(threadId, "q2"));

        JsonNode desc = chatkit.json(user, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId + "\",\"limit\":3}}");
        assertThat(desc.get("data")).extracting(i -> text(i)).containsExactly("a2", "q2", "Noted.");
        assertThat(desc.get("has_more").asBoolean()).isTrue();
        String after = desc.get("after").asString();
        assertThat(after).isEqualTo(desc.get("data").get(2).get("id").asString());

        JsonNode rest = chatkit.json(user, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"limit\":3,\"after\":\"" + after + "\"}}");
        assertThat(rest.get("data")).extracting(i -> text(i)).containsExactly("q1");
        assertThat(rest.get("has_more").asBoolean()).isFalse();

        JsonNode asc = chatkit.json(user, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"order\":\"asc\"}}");
        assertThat(asc.get("data")).extracting(i -> text(i)).containsExactly("q1", "Noted.", "q2", "a2");
    }

    private static String text(JsonNode item) {
        return item.get("content").get(0).get("text").asString();
    }

    @Test
    void threadsUpdateRenamesAndThreadsDeleteRemovesWithItems() {
        String user = user();
        String threadId = newThread(user, "to rename");

        JsonNode renamed = chatkit.json(user, "{\"type\":\"threads.update\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"title\":\"Renamed\"}}");
        assertThat(renamed.get("id").asString()).isEqualTo(threadId);
        assertThat(renamed.get("title").asString()).isEqualTo("Renamed");
        assertThat(renamed.get("items").get("data").isEmpty()).isTrue();

        JsonNode deleted = chatkit.json(user, "{\"type\":\"threads.delete\",\"params\":{\"thread_id\":\"" + threadId + "\"}}");
        assertThat(deleted.isObject() && deleted.isEmpty()).isTrue();
        assertThat(chatkit.post(user, "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"" + threadId + "\"}}")
                .statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM chat_item WHERE thread_id = ?").param(threadId).query(Long.class).single())
                .isZero();
    }

    @Test
    void itemsFeedbackIsKeptOnTheItem() {
        String user = user();
        String threadId = newThread(user, "rate me");
        String answerId = chatkit.json(user, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"limit\":1}}").get("data").get(0).get("id").asString();

        JsonNode answer = chatkit.json(user, "{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"item_ids\":[\"" + answerId + "\"],\"kind\":\"negative\"}}");

        assertThat(answer.isObject() && answer.isEmpty()).isTrue();
        assertThat(jdbc.sql("SELECT feedback FROM chat_item WHERE id = ?").param(answerId).query(String.class).single())
                .isEqualTo("negative");
    }

    @Test
    void retryAfterItemDropsTheAnswerAndAnswersAgain() {
        String user = user();
        String threadId = newThread(user, "flaky question");
        JsonNode items = chatkit.json(user, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"order\":\"asc\"}}").get("data");
        String question = items.get(0).get("id").asString();
        MODEL.answerText("Better answer.");

        List<JsonNode> events = chatkit.events(user, "{\"type\":\"threads.retry_after_item\",\"params\":{\"thread_id\":\""
                + threadId + "\",\"item_id\":\"" + question + "\"}}");

        assertThat(types(events)).startsWith("stream_options", "thread.item.added").endsWith("thread.item.done");
        JsonNode after = chatkit.json(user, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"order\":\"asc\"}}").get("data");
        assertThat(after).extracting(ChatKitProtocolTest::text).containsExactly("flaky question", "Better answer.");
        assertThat(MODEL.received().get(MODEL.received().size() - 1).body().get("messages"))
                .extracting(m -> m.get("content").asString()).doesNotContain("Noted.");
    }

    @Test
    void clientToolOutputCompletesThePendingCallAndTheAssistantGoesOn() {
        String user = user();
        String threadId = newThread(user, "switch to dark");
        store.addItem(new ThreadItem.ClientToolCall("tc_1", threadId, Instant.now(), "pending", "call_1",
                "switch_theme", Map.of("theme", "dark"), null));
        MODEL.answerText("Switched.");

        List<JsonNode> events = chatkit.events(user, "{\"type\":\"threads.add_client_tool_output\",\"params\":{\"thread_id\":\""
                + threadId + "\",\"result\":{\"ok\":true}}}");

        assertThat(types(events)).startsWith("stream_options").endsWith("thread.item.done");
        JsonNode call = chatkit.json(user, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"limit\":2}}").get("data").get(1);
        assertThat(call.get("type").asString()).isEqualTo("client_tool_call");
        assertThat(call.get("status").asString()).isEqualTo("completed");
        assertThat(call.get("output").get("ok").asBoolean()).isTrue();

        HttpResponse<String> again = chatkit.post(user, "{\"type\":\"threads.add_client_tool_output\",\"params\":{\"thread_id\":\""
                + threadId + "\",\"result\":{}}}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("not a pending client tool call");
    }

    @Test
    void customActionAnswersAnErrorEventSinceThereAreNoWidgets() {
        String user = user();
        String threadId = newThread(user, "act");
        List<JsonNode> events = chatkit.events(user, "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\""
                + threadId + "\",\"action\":{\"type\":\"approve\",\"payload\":{}}}}");

        assertThat(types(events)).containsExactly("stream_options", "error");
        assertThat(events.get(1).get("code").asString()).isEqualTo("custom");
        assertThat(events.get(1).get("message").asString()).contains("approve");
        assertThat(events.get(1).get("allow_retry").asBoolean()).isFalse();
    }

    @Test
    void aStoppedAnswerKeepsWhatWasSaidSoFar() throws Exception {
        String user = user();
        String threadId = newThread(user, "long story");
        MODEL.answerSlowly(Duration.ofMillis(300), "Once ", "upon ", "a ", "time ", "there ", "was ", "a ", "very ",
                "long ", "answer.");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chatkit"))
                .header("Cookie", "chatkit_session_id=" + user)
                .POST(HttpRequest.BodyPublishers.ofString(addMessage(threadId, "tell me more"))).build();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.contains("text_delta")) {
                // read up to the first token, then stop listening as a user pressing stop does
            }
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode last = chatkit.json(user, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId
                    + "\",\"limit\":1}}").get("data").get(0);
            assertThat(last.get("type").asString()).isEqualTo("assistant_message");
            assertThat(text(last)).startsWith("Once ").isNotEqualTo("Once upon a time there was a very long answer.");
        });
    }

    @Test
    void anotherUsersThreadIsNotFoundForEveryRequest() {
        String owner = user();
        String threadId = newThread(owner, "mine");
        String other = user();
        String id = "\"thread_id\":\"" + threadId + "\"";

        for (String body : List.of(
                "{\"type\":\"threads.get_by_id\",\"params\":{" + id + "}}",
                "{\"type\":\"items.list\",\"params\":{" + id + "}}",
                "{\"type\":\"threads.update\",\"params\":{" + id + ",\"title\":\"stolen\"}}",
                "{\"type\":\"threads.delete\",\"params\":{" + id + "}}",
                "{\"type\":\"items.feedback\",\"params\":{" + id + ",\"item_ids\":[\"x\"],\"kind\":\"positive\"}}",
                addMessage(threadId, "hello?"),
                "{\"type\":\"threads.retry_after_item\",\"params\":{" + id + ",\"item_id\":\"x\"}}",
                "{\"type\":\"threads.custom_action\",\"params\":{" + id + ",\"action\":{\"type\":\"a\"}}}")) {
            HttpResponse<String> response = chatkit.post(other, body);
            assertThat(response.statusCode()).as(body).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        }
        assertThat(chatkit.json(other, "{\"type\":\"threads.list\",\"params\":{}}").get("data").isEmpty()).isTrue();
        assertThat(chatkit.json(owner, "{\"type\":\"threads.get_by_id\",\"params\":{" + id + "}}").get("title").asString())
                .isEqualTo("mine");
    }

    @Test
    void aFirstVisitGetsTheUserCookie() {
        HttpResponse<String> response = chatkit.post(null, "{\"type\":\"threads.list\",\"params\":{}}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie").orElse(""))
                .startsWith("chatkit_session_id=").contains("HttpOnly", "SameSite=Lax", "Path=/");
    }

    @Test
    void badRequestsAnswerJsonProblemsThatSayWhatIsWrong() {
        String user = user();
        assertProblem(chatkit.post(user, "{not json"), 400, "not valid JSON");
        assertProblem(chatkit.post(user, "[1,2]"), 400, "JSON object");
        assertProblem(chatkit.post(user, "{\"params\":{}}"), 400, "'type'");
        assertProblem(chatkit.post(user, "{\"type\":\"threads.explode\",\"params\":{}}"), 400, "Unknown request type 'threads.explode'");
        assertProblem(chatkit.post(user, "{\"type\":\"attachments.create\",\"params\":{\"name\":\"a\",\"size\":1,\"mime_type\":\"text/plain\"}}"),
                400, "attachments");
        assertProblem(chatkit.post(user, "{\"type\":\"threads.get_by_id\",\"params\":{}}"), 400, "params.thread_id");
        assertProblem(chatkit.post(user, "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"thr_nope\"}}"), 404, "thr_nope");
        assertProblem(chatkit.post(user, "{\"type\":\"threads.list\",\"params\":{\"limit\":0}}"), 400, "params.limit");
        assertProblem(chatkit.post(user, "{\"type\":\"threads.list\",\"params\":{\"order\":\"up\"}}"), 400, "params.order");
        assertProblem(chatkit.post(user, "{\"type\":\"threads.list\",\"params\":{\"after\":\"thr_gone\"}}"), 404, "thr_gone");
        assertProblem(chatkit.post(user, "{\"type\":\"threads.create\",\"params\":{}}"), 400, "params.input");
        assertProblem(chatkit.post(user, "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\","
                + "\"text\":\"hi\"}],\"attachments\":[\"atc_1\"],\"inference_options\":{}}}}"), 400, "Attachments are off");
        assertProblem(chatkit.post(user, "{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"t\",\"item_ids\":[\"i\"],"
                + "\"kind\":\"meh\"}}"), 400, "params.kind");
        assertProblem(chatkit.post(user, "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":\"hi\"}}}"), 400,
                "Invalid params for threads.create");
        assertThat(jdbc.sql("SELECT count(*) FROM chat_thread WHERE user_id = ?").param(user).query(Long.class).single())
                .as("nothing was created by a refused request").isZero();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).contains(detail);
    }
}

package dev.breakdown.chatweb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posts ChatKit requests to the running app as a browser with the given user cookie would. */
public final class ChatKitClient {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    public ChatKitClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> post(String user, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chatkit"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Cookie", "chatkit_session_id=" + user);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON request's answer, checked to be 200 JSON. */
    public JsonNode json(String user, String body) {
        HttpResponse<String> response = post(user, body);
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200 but was " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A streaming request's events, checked to be 200 text/event-stream with one {@code data: <json>} per event. */
    public List<JsonNode> events(String user, String body) {
        HttpResponse<String> response = post(user, body);
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200 but was " + response.statusCode() + ": " + response.body());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/event-stream")) {
            throw new AssertionError("expected text/event-stream but was " + type);
        }
        List<JsonNode> events = new ArrayList<>();
        for (String block : response.body().split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            if (!block.startsWith("data: ")) {
                throw new AssertionError("not a 'data: ' line: " + block);
            }
            events.add(JSON.readTree(block.substring("data: ".length())));
        }
        return events;
    }

    public static String message(String text) {
        return "{\"content\":[{\"type\":\"input_text\",\"text\":" + JSON.writeValueAsString(text)
                + "}],\"attachments\":[],\"inference_options\":{}}";
    }

    public static String create(String text) {
        return "{\"type\":\"threads.create\",\"params\":{\"input\":" + message(text) + "}}";
    }

    public static String addMessage(String threadId, String text) {
        return "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\"" + threadId + "\",\"input\":"
                + message(text) + "}}";
    }

    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asString()).toList();
    }
}

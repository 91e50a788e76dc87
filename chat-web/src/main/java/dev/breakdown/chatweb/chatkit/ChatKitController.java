package dev.breakdown.chatweb.chatkit;

import dev.breakdown.chatweb.user.ChatUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /chatkit}: the ChatKit protocol endpoint the {@code <openai-chatkit>} element talks to. Streaming
 * requests answer {@code text/event-stream} with one {@code data: <json>} per event; the others answer JSON.
 */
@RestController
class ChatKitController {
    private static final Logger log = LoggerFactory.getLogger(ChatKitController.class);
    private static final MediaType UTF8_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final ChatKitServer server;
    private final ChatUsers users;
    private final JsonMapper json;
    private final ExecutorService streams;
    private final ChatKitProperties properties;

    ChatKitController(ChatKitServer server, ChatUsers users, JsonMapper json, ChatKitStreams streams,
                      ChatKitProperties properties) {
        this.server = server;
        this.users = users;
        this.json = json;
        this.streams = streams.executor();
        this.properties = properties;
    }

    @PostMapping("/chatkit")
    ResponseEntity<?> chatkit(@RequestBody(required = false) String body, HttpServletRequest http,
                              HttpServletResponse response) {
        String userId = users.userId(http, response);
        ChatKitRequest request = ChatKitRequest.parse(json, body);
        if (!request.streaming()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(server.answer(userId, request));
        }
        Consumer<Consumer<ThreadStreamEvent>> work = server.stream(userId, request);
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(properties.streamTimeout().toMillis());
        streams.execute(() -> {
            try {
                work.accept(event -> send(emitter, event));
                emitter.complete();
            } catch (ClientGoneException gone) {
                log.debug("Client left the stream of {}", request.type());
                // Ends the async request now; it would otherwise hold the server (and its shutdown) until the timeout.
                emitter.complete();
            } catch (RuntimeException e) {
                log.error("Streaming {} failed", request.type(), e);
                emitter.completeWithError(e);
            }
        });
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                // Proxies such as nginx would otherwise hold the tokens back until the answer is complete.
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    private void send(ResponseBodyEmitter emitter, ThreadStreamEvent event) {
        try {
            emitter.send("data: " + json.writeValueAsString(event) + "\n\n", UTF8_TEXT);
        } catch (IOException | IllegalStateException e) {
            throw new ClientGoneException(e);
        }
    }
}

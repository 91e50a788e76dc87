package dev.breakdown.chatweb.session;

import dev.breakdown.chatweb.user.ChatUsers;
import dev.breakdown.contracts.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/create-session}: the original front end's contract for hosted ChatKit workflows. It mints a
 * client secret for the cookie's user from OpenAI's sessions API; the API key never leaves this class's request.
 */
@RestController
class CreateSessionController {
    private static final Logger log = LoggerFactory.getLogger(CreateSessionController.class);
    static final String PATH = "/api/create-session";

    private final HostedChatKitProperties properties;
    private final ChatKitSessions sessions;
    private final ChatUsers users;

    CreateSessionController(HostedChatKitProperties properties, ChatKitSessions sessions, ChatUsers users) {
        this.properties = properties;
        this.sessions = sessions;
        this.users = users;
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) String rawBody,
            HttpServletRequest request, HttpServletResponse response) {
        String user = users.userId(request, response);
        Optional<String> apiKey = properties.apiKey();
        if (apiKey.isEmpty()) {
            return error(HttpStatus.INTERNAL_SERVER_ERROR, "Missing OPENAI_API_KEY environment variable");
        }
        JsonNode body = parse(rawBody);
        Optional<String> workflow = text(body.path("workflow").path("id"))
                .or(() -> text(body.path("workflowId")))
                .or(properties::workflow);
        if (workflow.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "Missing workflow id");
        }
        boolean fileUpload = body.path("chatkit_configuration").path("file_upload").path("enabled").asBoolean(false);

        ChatKitSessions.UpstreamAnswer answer;
        try {
            answer = sessions.create(apiKey.get(), workflow.get(), user, fileUpload);
        } catch (ResourceAccessException e) {
            log.warn("ChatKit sessions API at {} unreachable: {}", properties.sessionsUri(), e.getMostSpecificCause().getClass().getSimpleName());
            return error(HttpStatus.BAD_GATEWAY, "Could not reach the ChatKit sessions API at " + properties.sessionsUri()
                    + " (" + e.getMostSpecificCause().getClass().getSimpleName() + "); check CHATKIT_API_BASE and the network");
        }
        JsonNode upstream = parse(answer.body());
        if (!answer.ok()) {
            log.warn("ChatKit sessions API answered {}", answer.status());
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("error", upstreamMessage(upstream, answer.status()));
            failure.put("details", upstream.isMissingNode() ? answer.body() : upstream);
            return ResponseEntity.status(answer.status()).body(failure);
        }
        Optional<String> secret = text(upstream.path("client_secret"));
        if (secret.isEmpty()) {
            return error(HttpStatus.BAD_GATEWAY, "The ChatKit sessions API answered without a client_secret");
        }
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("client_secret", secret.get());
        session.put("expires_at", upstream.path("expires_at").isMissingNode() ? null : upstream.get("expires_at"));
        session.put("expires_after", upstream.path("expires_after").isMissingNode() ? null : upstream.get("expires_after"));
        return ResponseEntity.ok(session);
    }

    @RequestMapping(path = PATH, method = {RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    ResponseEntity<Map<String, Object>> otherMethods() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                .body(Map.of("error", "Method Not Allowed: use POST " + PATH));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }

    // The original treated an unreadable body as an empty one: the configured workflow still applies.
    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return Json.mapper().missingNode();
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JacksonException e) {
            return Json.mapper().missingNode();
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? Optional.of(node.asString().trim()) : Optional.empty();
    }

    private static String upstreamMessage(JsonNode upstream, int status) {
        JsonNode error = upstream.path("error");
        return text(error.path("message")).or(() -> text(error)).or(() -> text(upstream.path("message")))
                .orElse("ChatKit sessions API answered " + status);
    }
}

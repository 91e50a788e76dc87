package dev.breakdown.webhook.intake;

import dev.breakdown.webhook.error.WebhookException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a verified body into a JSON tree: plain JSON, or GitHub's form encoding with the JSON in {@code payload}. */
@Component
public class PayloadParser {
    // Webhook bodies may be up to 25 MB, mostly one long issue body; Jackson's default cap is 20M chars per string.
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build()).build();

    public JsonNode parse(byte[] body, String contentType) {
        if (isForm(contentType)) {
            return parseJson(formPayload(body).getBytes(StandardCharsets.UTF_8), "the form field 'payload'");
        }
        return parseJson(body, "the request body");
    }

    private static boolean isForm(String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode parseJson(byte[] json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw WebhookException.badRequest("malformed_json", what + " is empty; expected a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw WebhookException.badRequest("malformed_json",
                    what + " is not valid JSON" + position + ": " + e.getOriginalMessage());
        }
    }

    private static String formPayload(byte[] body) {
        String form = new String(body, StandardCharsets.ISO_8859_1);
        try {
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (name.equals("payload")) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) {
            throw WebhookException.badRequest("malformed_form",
                    "the form-encoded body has an invalid escape: " + e.getMessage());
        }
        throw WebhookException.badRequest("malformed_form",
                "the form-encoded body has no field 'payload'; GitHub puts the JSON there");
    }
}

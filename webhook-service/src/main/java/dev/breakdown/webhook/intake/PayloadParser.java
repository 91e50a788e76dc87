package dev.breakdown.webhook.intake;

import dev.breakdown.webhook.error.WebhookException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns a verified body into a JSON tree: plain JSON, or GitHub's form encoding with the JSON in {@code payload}. */
@Component
public class PayloadParser {
    // Webhook bodies may be up to 25 MB, mostly one long issue body; Jackson's default cap is 20M chars per string.
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build()).build();
    // Reads one value in the middle of a document: what follows it is the rest of the document, not trailing junk.
    private static final ObjectReader VALUE = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public JsonNode parse(byte[] body, String contentType) {
        return parse(body, contentType, Fields.ALL);
    }

    /**
     * Like {@link #parse(byte[], String)}, but the tree holds only {@code fields} (a root that is not an object is
     * kept whole); the rest of the body is still read, so malformed JSON anywhere is refused just the same.
     */
    public JsonNode parse(byte[] body, String contentType, Fields fields) {
        if (isForm(contentType)) {
            return parseJson(formPayload(body).getBytes(StandardCharsets.UTF_8), "the form field 'payload'", fields);
        }
        return parseJson(body, "the request body", fields);
    }

    private static JsonNode parseJson(byte[] json, String what, Fields fields) {
        if (fields.all()) {
            return parseJson(json, what);
        }
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode node = selected(parser, fields);
                if (parser.nextToken() == null) {
                    return node;
                }
            }
        } catch (JacksonException e) {
            // Falls through: the full parse below gives the answer (and the error position) the same words as ever.
        }
        // Anything but one well-formed object (empty, a scalar, trailing content, an error) is rare: parse it whole.
        return parseJson(json, what);
    }

    /** The object at the parser's START_OBJECT, with only {@code fields}; skipped values are not materialized. */
    private static ObjectNode selected(JsonParser parser, Fields fields) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            Fields child = fields.child(name);
            JsonToken value = parser.nextToken();
            if (child == null) {
                parser.skipChildren();
            } else if (value == JsonToken.START_OBJECT && !child.all()) {
                node.set(name, selected(parser, child));
            } else {
                node.set(name, value == JsonToken.VALUE_STRING
                        ? JsonNodeFactory.instance.stringNode(parser.getString()) : VALUE.readTree(parser));
            }
        }
        return node;
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

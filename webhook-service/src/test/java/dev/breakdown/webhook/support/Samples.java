package dev.breakdown.webhook.support;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The repository's samples: raw webhook payloads and the IssueEvents they must become. */
public final class Samples {
    private static final Path ROOT = Path.of("..", "samples");

    private Samples() {
    }

    public static byte[] webhook(String name) {
        return read(ROOT.resolve("webhooks").resolve(name));
    }

    public static ObjectNode webhookJson(String name) {
        return (ObjectNode) Json.mapper().readTree(webhook(name));
    }

    public static IssueEvent event(String name) {
        return Json.mapper().readValue(read(ROOT.resolve("events").resolve(name)), IssueEvent.class);
    }

    public static byte[] bytes(JsonNode json) {
        return Json.mapper().writeValueAsBytes(json);
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

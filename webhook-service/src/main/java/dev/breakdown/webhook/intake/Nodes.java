package dev.breakdown.webhook.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Lenient reads from webhook JSON: a field of an unexpected type reads as absent instead of failing intake. */
public final class Nodes {
    private Nodes() {
    }

    public static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    public static Integer integer(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
    }

    /** The values of an array, each read by {@code reader}; absent values are left out. */
    public static List<String> strings(JsonNode array, Function<JsonNode, String> reader) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                String value = reader.apply(element);
                if (value != null && !value.isBlank()) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}

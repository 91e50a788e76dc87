package dev.breakdown.gateway.jira;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The few Atlassian Document Format nodes our comments use: a doc of paragraphs of text, code-marked text and mentions. */
final class Adf {

    private Adf() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Node(@JsonProperty("type") String type,
                @JsonProperty("version") Integer version,
                @JsonProperty("content") List<Node> content,
                @JsonProperty("text") String text,
                @JsonProperty("marks") List<Mark> marks,
                @JsonProperty("attrs") MentionAttrs attrs) {
    }

    record MentionAttrs(@JsonProperty("id") String id, @JsonProperty("text") String text) {
    }

    record Mark(@JsonProperty("type") String type) {
    }

    static Node doc(Node... paragraphs) {
        return new Node("doc", 1, List.of(paragraphs), null, null, null);
    }

    static Node paragraph(Node... inline) {
        return new Node("paragraph", null, List.of(inline), null, null, null);
    }

    static Node text(String text) {
        return new Node("text", null, null, text, null, null);
    }

    static Node code(String text) {
        return new Node("text", null, null, text, List.of(new Mark("code")), null);
    }

    static Node mention(String accountId, String name) {
        return new Node("mention", null, null, null, null, new MentionAttrs(accountId, "@" + name));
    }
}

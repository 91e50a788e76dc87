package dev.breakdown.webhook.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakdown.webhook.error.WebhookException;
import dev.breakdown.webhook.github.GitHubNormalizer;
import dev.breakdown.webhook.support.Samples;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PayloadParserTest {
    private static final String JSON = "application/json";
    private final PayloadParser parser = new PayloadParser();

    @Test
    void githubPayloadKeepsEveryFieldTheNormalizerReadsAndDropsTheRest() {
        byte[] body = Samples.webhook("github-issue-opened-p0-bug.json");
        JsonNode full = parser.parse(body, JSON);

        JsonNode selected = parser.parse(body, JSON, GitHubNormalizer.READS);

        assertThat(selected.get("action")).isEqualTo(full.get("action"));
        assertThat(selected.at("/repository/full_name")).isEqualTo(full.at("/repository/full_name"));
        for (String field : new String[] {"number", "title", "html_url", "labels", "state", "created_at", "body"}) {
            assertThat(selected.at("/issue/" + field)).as(field).isEqualTo(full.at("/issue/" + field));
        }
        assertThat(selected.at("/issue/user/login")).isEqualTo(full.at("/issue/user/login"));
        // sender is read for loop prevention, only its login and type.
        assertThat(selected.at("/sender/login")).isEqualTo(full.at("/sender/login"));
        assertThat(selected.path("sender").has("avatar_url")).isFalse();
        assertThat(selected.has("organization")).isFalse();
        assertThat(selected.path("repository").size()).isEqualTo(1);
        assertThat(selected.path("issue").has("reactions")).isFalse();
    }

    @Test
    void malformedJsonInASkippedPartIsRefusedWithTheSameMessageAsAFullParse() {
        byte[] body = "{\"action\":\"opened\",\"sender\":{\"login\":\"x\" \"id\":1},\"issue\":{}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(body, JSON, GitHubNormalizer.READS))
                .isInstanceOf(WebhookException.class)
                .hasMessage(messageOfFullParse(body))
                .hasMessageContaining("line 1, column");
    }

    @Test
    void trailingContentEmptyBodiesAndNonObjectsAnswerAsAFullParseDoes() {
        for (String text : new String[] {"", "   ", "{} x", "{}{}", "[1,2]", "\"text\"", "42", "null", "{}"}) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            String expected = messageOfFullParse(body);
            if (expected == null) {
                assertThat(parser.parse(body, JSON, GitHubNormalizer.READS)).as(text)
                        .isEqualTo(parser.parse(body, JSON));
            } else {
                assertThatThrownBy(() -> parser.parse(body, JSON, GitHubNormalizer.READS)).as(text)
                        .hasMessage(expected);
            }
        }
    }

    private String messageOfFullParse(byte[] body) {
        try {
            parser.parse(body, JSON);
            return null;
        } catch (WebhookException e) {
            return e.getMessage();
        }
    }
}

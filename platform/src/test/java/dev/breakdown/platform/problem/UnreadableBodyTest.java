package dev.breakdown.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.databind.json.JsonMapper;

/** What a sender reads when Jackson cannot read the body, from Jackson's real exceptions. */
class UnreadableBodyTest {

    record Meeting(String title, int durationMin) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static HttpMessageNotReadableException reading(String body) {
        try {
            JSON.readValue(body, Meeting.class);
        } catch (RuntimeException e) {
            return new HttpMessageNotReadableException("unreadable", e, new MockHttpInputMessage(body.getBytes()));
        }
        throw new AssertionError("Jackson read " + body);
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        UnreadableBody why = UnreadableBody.of(reading("{\"title\": \n"), "a JSON object");

        assertThat(why.error()).isEqualTo("malformed_json");
        assertThat(why.detail()).startsWith("The body is not valid JSON: ").contains("(line 2, column 1)");
        assertThat(why.field()).isNull();
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        UnreadableBody why = UnreadableBody.of(reading("{\"title\": \"x\", \"durationMin\": \"long\"}"), "a JSON object");

        assertThat(why.error()).isEqualTo("invalid_field");
        assertThat(why.field()).isEqualTo("durationMin");
        assertThat(why.detail()).startsWith("Field 'durationMin' has the wrong type or format: ");
    }

    @Test
    void nothingSentSaysWhatToSend() {
        UnreadableBody why = UnreadableBody.of(new HttpMessageNotReadableException("empty",
                new MockHttpInputMessage(new byte[0])), "an IssueEvent as JSON");

        assertThat(why.error()).isEqualTo("malformed_json");
        assertThat(why.detail()).isEqualTo("The request body is missing or empty; send an IssueEvent as JSON");
    }

    @Test
    void problemsCarryTheirStableCodeAndAreTypedProblemJson() {
        var answer = Problems.answer(HttpStatus.CONFLICT, "no_slot", "Nobody is free");

        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).isInstanceOfSatisfying(org.springframework.http.ProblemDetail.class, p -> {
            assertThat(p.getStatus()).isEqualTo(409);
            assertThat(p.getDetail()).isEqualTo("Nobody is free");
            assertThat(p.getProperties()).containsEntry("error", "no_slot");
            assertThat(p.getType()).hasToString("about:blank");
        });
        assertThat(Problems.errorCode(HttpStatus.METHOD_NOT_ALLOWED)).isEqualTo("method_not_allowed");
    }
}

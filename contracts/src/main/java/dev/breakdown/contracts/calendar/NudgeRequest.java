package dev.breakdown.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST {CALENDAR_API_BASE}/nudges}. {@code link} (optional) is the address; the delivered
 * message carries it when the text does not already.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NudgeRequest(
        @JsonProperty("to") @NotBlank @Size(max = 320) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE)
        String to,
        @JsonProperty("message") @NotBlank @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE)
        String message,
        @JsonProperty("priority") @Pattern(regexp = "[A-Za-z0-9_-]{1,32}",
                message = "must be a word of letters, digits, '-' or '_' (at most 32), e.g. low, normal, high")
        String priority,
        @JsonProperty("link") @Size(max = 2000) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE)
        String link) {
}

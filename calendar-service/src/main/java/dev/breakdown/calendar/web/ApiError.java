package dev.breakdown.calendar.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON body of every error answer. */
public record ApiError(@JsonProperty("error") String error, @JsonProperty("message") String message) {
}

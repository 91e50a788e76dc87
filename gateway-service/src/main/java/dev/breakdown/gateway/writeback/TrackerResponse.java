package dev.breakdown.gateway.writeback;

import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** A successful answer of a tracker: its headers (pagination) and its JSON body (a missing node when empty). */
public record TrackerResponse(int status, HttpHeaders headers, JsonNode body) {
}

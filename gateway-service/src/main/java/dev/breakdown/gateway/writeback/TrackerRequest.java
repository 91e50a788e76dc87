package dev.breakdown.gateway.writeback;

import dev.breakdown.contracts.Json;
import java.net.URI;
import org.springframework.http.HttpMethod;

/** One request to an issue tracker's REST API: what live mode sends and dry-run describes. The body is JSON text. */
public record TrackerRequest(HttpMethod method, URI uri, String body) {

    public static TrackerRequest get(URI uri) {
        return new TrackerRequest(HttpMethod.GET, uri, null);
    }

    public static TrackerRequest of(HttpMethod method, URI uri, Object body) {
        return new TrackerRequest(method, uri, body == null ? null : Json.mapper().writeValueAsString(body));
    }

    /** "POST https://api.github.com/... {json}", without headers (so never a credential). */
    public String describe() {
        return method.name() + " " + uri + (body == null ? "" : " " + body);
    }
}

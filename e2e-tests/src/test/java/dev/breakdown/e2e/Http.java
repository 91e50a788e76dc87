package dev.breakdown.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * The started services' HTTP APIs as GitHub, Jira and our own services use them: signed JSON posts and gets, with
 * the service token (agent and calendar require it; the others ignore the header).
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String BEARER = "Bearer " + ServiceProcess.SERVICE_TOKEN;

    private Http() {
    }

    static HttpResponse<String> postJson(String url, byte[] body, String... headers) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", BEARER).headers(headers)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", BEARER)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as someone outside Breakdown makes it: no service token. */
    static HttpResponse<String> getAnonymous(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The elements of a JSON array a GET must answer with 200, e.g. calendar's meeting list. */
    static List<JsonNode> getList(String url) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        Json.mapper().readTree(getOk(url)).forEach(items::add);
        return items;
    }

    /** The body of a GET that must answer 200. */
    static String getOk(String url) throws Exception {
        HttpResponse<String> answer = get(url);
        assertThat(answer.statusCode()).as("GET %s: %s", url, answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** The X-Hub-Signature-256 (GitHub) or X-Hub-Signature (Jira) value of a body: {@code sha256=<hex HMAC>}. */
    static String signature(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}

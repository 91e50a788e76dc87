package dev.breakdown.webhook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.Json;
import dev.breakdown.webhook.support.DeliveryMutator;
import dev.breakdown.webhook.support.DeliveryMutator.Mutant;
import dev.breakdown.webhook.support.IssuesTopicProbe;
import dev.breakdown.webhook.support.WebhookServiceTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/**
 * Over a thousand mutated deliveries built from the samples, against the whole service and a live broker:
 * none may get a 5xx, every 4xx says what is wrong in JSON, and exactly the deliveries answered "accepted"
 * reach the issues topic. Reproduce a failure with {@code -Dfuzz.seed=<seed printed by the run>}.
 */
@WebhookServiceTest
class MutatedDeliveriesFuzzTest {
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 1200);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;

    record Answer(Mutant mutant, int status, String contentType, String body) {
        @Override
        public String toString() {
            return status + " " + body + "\n    for " + mutant;
        }
    }

    @Test
    void mutatedDeliveriesNeverGet5xxAndOnlyAcceptedOnesReachTheTopic() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("MutatedDeliveriesFuzzTest seed: " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        DeliveryMutator mutator = new DeliveryMutator(new Random(seed), "fz" + Long.toHexString(seed));

        List<Answer> answers = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (IssuesTopicProbe issues = new IssuesTopicProbe(broker.getBrokersAsString())) {
            issues.mark();
            for (int i = 0; i < REQUESTS; i++) {
                Mutant mutant = mutator.next(i);
                Answer answer = send(mutant);
                answers.add(answer);
                String problem = problemWith(answer);
                if (problem != null) {
                    failures.add(problem + ": " + answer);
                }
            }
            List<ConsumerRecord<String, String>> records = issues.recordsUpToEnd();
            // Nothing may trickle in after the answers: every send was acknowledged (or refused) before answering.
            records.addAll(issues.recordsWithin(Duration.ofSeconds(1)));

            Map<String, Long> stored = records.stream()
                    .collect(Collectors.groupingBy(r -> Json.mapper().readTree(r.value()).path("event_id").asString(),
                            TreeMap::new, Collectors.counting()));
            Map<String, Long> accepted = answers.stream().filter(a -> "accepted".equals(field(a, "status")))
                    .collect(Collectors.groupingBy(a -> field(a, "event_id"), TreeMap::new, Collectors.counting()));
            Map<String, Answer> notAccepted = new HashMap<>();
            answers.stream().filter(a -> !"accepted".equals(field(a, "status")))
                    .forEach(a -> a.mutant().ids().forEach(id -> notAccepted.put(id, a)));
            stored.keySet().stream().filter(notAccepted::containsKey)
                    .forEach(id -> failures.add("stored although answered " + notAccepted.get(id)));

            System.out.println("MutatedDeliveriesFuzzTest: " + answers.size() + " requests, answers by status "
                    + answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new,
                            Collectors.counting()))
                    + ", by error " + answers.stream().filter(a -> a.status() >= 400)
                            .collect(Collectors.groupingBy(a -> field(a, "error"), TreeMap::new, Collectors.counting()))
                    + ", accepted " + accepted.values().stream().mapToLong(Long::longValue).sum()
                    + ", records on issues " + records.size());
            assertThat(failures).as("seed %d: answers that break the rules", seed).isEmpty();
            assertThat(stored).as("seed %d: event ids on the issues topic versus accepted answers", seed)
                    .isEqualTo(accepted);
            assertThat(answers).hasSizeGreaterThanOrEqualTo(1000);
            assertThat(accepted).as("the run must also exercise the accepting path").isNotEmpty();
        }
    }

    private Answer send(Mutant mutant) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + mutant.path()))
                .timeout(Duration.ofSeconds(30))
                .method(mutant.method(), HttpRequest.BodyPublishers.ofByteArray(mutant.body()));
        mutant.headers().forEach(h -> request.header(h.getKey(), h.getValue()));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(mutant, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            return new Answer(mutant, -1, "", "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String problemWith(Answer answer) {
        int status = answer.status();
        if (status == -1 && answer.mutant().description().contains("oversized header")
                && answer.mutant().body().length > 0) {
            // Tomcat answers a header block over its limit with 400 and closes without reading the body; that close
            // can reset the connection before the client reads the 400 (RFC 9112, 9.6). Not stored: checked below.
            return null;
        }
        if (status < 200 || status >= 500) {
            return "no answer or a server error";
        }
        if (status >= 300 && status < 400) {
            return "a redirect";
        }
        if (answer.mutant().mustBeRefused() != null && status < 400) {
            return "not refused";
        }
        JsonNode body = json(answer.body());
        if (body == null || !answer.contentType().startsWith("application/json")) {
            return "not a JSON answer";
        }
        if (status >= 400 && body.path("error").asString("").isBlank()) {
            return "an error answer without 'error'";
        }
        if (status >= 400 && body.path("message").asString("").isBlank()) {
            return "an error answer without 'message'";
        }
        if (status < 300 && !List.of("accepted", "ignored", "pong").contains(body.path("status").asString(""))) {
            return "a 2xx answer that is not accepted, ignored or pong";
        }
        if (answer.body().contains(WebhookServiceTest.JIRA_TOKEN)
                || answer.body().contains(WebhookServiceTest.GITHUB_SECRET)
                || answer.body().contains(WebhookServiceTest.JIRA_SECRET)) {
            return "an answer echoing a secret";
        }
        return null;
    }

    private static String field(Answer answer, String name) {
        JsonNode body = json(answer.body());
        return body == null ? "(no json)" : body.path(name).asString("(none)");
    }

    private static JsonNode json(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

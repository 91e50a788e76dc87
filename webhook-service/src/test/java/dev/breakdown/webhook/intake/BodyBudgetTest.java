package dev.breakdown.webhook.intake;

import static dev.breakdown.webhook.support.WebhookClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.webhook.support.LiveServiceTest;
import dev.breakdown.webhook.support.Samples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service whose unverified bodies may take 2 MB together (WEBHOOK_BUFFER_BUDGET; bodies up to 1 MB), over real
 * HTTP against an embedded broker. Senders that declare a large body and send it slowly hold their reservation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "breakdown.webhook.github-secrets=" + BodyBudgetTest.SECRET,
        "breakdown.webhook.max-body-size=1MB",
        "breakdown.webhook.buffer-budget=2MB"})
@EmbeddedKafka(count = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyBudgetTest extends LiveServiceTest {
    static final String SECRET = "budget-secret";
    private static final int LARGE = 900_000;
    private static final String WRONG_SIGNATURE = "sha256=" + "0".repeat(64);

    @Test
    void largeUnsignedBodiesBeyondTheBudgetAreRefusedUnreadAndASignedDeliveryGetsThroughOnceItFrees()
            throws Exception {
        awaitReserved(0);
        double busyBefore = busyCount();
        try (SlowSender first = new SlowSender(LARGE, 1_000); SlowSender second = new SlowSender(LARGE, 1_000)) {
            awaitReserved(2.0 * LARGE);

            // Declares 900 KB and sends none of it: the answer comes anyway, so nothing of it was read.
            try (SlowSender third = new SlowSender(LARGE, 0)) {
                RawAnswer refused = third.answer();
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.headers()).containsKey("retry-after");
                assertThat(refused.body()).contains("\"error\":\"intake_busy\"").contains("WEBHOOK_BUFFER_BUDGET");
            }
            // Concurrent complete uploads beyond the budget: all refused with Retry-After.
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                List<Future<ResponseEntity<String>>> flood = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    int n = i;
                    flood.add(senders.submit(() -> unsignedLarge("flood-" + n)));
                }
                for (Future<ResponseEntity<String>> answer : flood) {
                    assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(answer.get().getHeaders().getFirst("Retry-After")).isEqualTo("5");
                    assertThat(json(answer.get()).path("error").asString()).isEqualTo("intake_busy");
                }
            } finally {
                senders.shutdownNow();
            }
            ResponseEntity<String> signedWhileFull = client.github("issues", "large-while-full", largeIssue(9601),
                    SECRET);
            assertThat(signedWhileFull.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            // A usual delivery (a few KB) still fits in what is left.
            assertThat(client.github("issues", "usual-while-full", Samples.bytes(issue(9602)), SECRET)
                    .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

            first.finish();
            second.finish();
            assertThat(first.answer().status()).isEqualTo(401);
            assertThat(second.answer().status()).isEqualTo(401);
        }
        awaitReserved(0);

        ResponseEntity<String> signed = client.github("issues", "large-once-free", largeIssue(9601), SECRET);
        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(issues.awaitRecord("github:acme/checkout#9601").value()).contains("large-once-free");
        assertThat(busyCount()).isEqualTo(busyBefore + 6);
    }

    @Test
    void everyReservationIsReleasedWhenItsRequestEndsWhateverTheAnswer() throws Exception {
        awaitReserved(0);
        for (int i = 0; i < 8; i++) {
            ResponseEntity<String> answer = unsignedLarge("sequential-" + i);
            assertThat(answer.getStatusCode()).as("delivery %d", i).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(json(answer).path("error").asString()).isEqualTo("invalid_signature");
        }
        HttpClient jdk = HttpClient.newHttpClient();
        for (int i = 0; i < 4; i++) {
            // ofInputStream has no length: the body goes chunked and is reserved step by step as it arrives.
            HttpResponse<String> chunked = jdk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/github/issues"))
                    .header("Content-Type", "application/json")
                    .header("X-GitHub-Event", "issues")
                    .header("X-GitHub-Delivery", "chunked-" + i)
                    .header("X-Hub-Signature-256", WRONG_SIGNATURE)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[LARGE])))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).as("chunked delivery %d", i).isEqualTo(401);
        }
        for (int i = 0; i < 3; i++) {
            // A sender that gives up halfway: the body cannot be read, its reservation still goes back.
            try (SlowSender quitter = new SlowSender(LARGE, 100_000)) {
                awaitReserved(LARGE);
            }
            awaitReserved(0);
        }
        assertThat(client.github("issues", "large-after-all", largeIssue(9603), SECRET).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
    }

    private ResponseEntity<String> unsignedLarge(String deliveryId) {
        return client.post("/github/issues", MediaType.APPLICATION_JSON, new byte[LARGE], h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-GitHub-Delivery", deliveryId);
            h.set("X-Hub-Signature-256", WRONG_SIGNATURE);
        });
    }

    // A real issue delivery of about 900 KB: the padding is a field the normalizer does not read.
    private static byte[] largeIssue(int number) {
        ObjectNode payload = issue(number);
        payload.put("padding", "p".repeat(LARGE - 20_000));
        return Samples.bytes(payload);
    }

    private static ObjectNode issue(int number) {
        ObjectNode payload = Samples.webhookJson("github-issue-opened-p0-bug.json");
        ((ObjectNode) payload.get("issue")).put("number", number);
        return payload;
    }

    private double busyCount() {
        ResponseEntity<String> metric = client.get("/actuator/metrics/breakdown.webhook.deliveries?tag=result:busy");
        return metric.getStatusCode() == HttpStatus.NOT_FOUND ? 0
                : json(metric).path("measurements").path(0).path("value").asDouble();
    }

    private void awaitReserved(double bytes) throws InterruptedException {
        DoubleSupplier reserved = () -> json(client.get("/actuator/metrics/" + BodyBudget.RESERVED_METER))
                .path("measurements").path(0).path("value").asDouble();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (reserved.getAsDouble() != bytes && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(reserved.getAsDouble()).as("bytes reserved (%s)", BodyBudget.RESERVED_METER).isEqualTo(bytes);
    }

    private record RawAnswer(int status, Map<String, String> headers, String body) {
    }

    /** An unsigned GitHub delivery over a raw socket that declares its length and sends the body only when told. */
    private final class SlowSender implements AutoCloseable {
        private final Socket socket;
        private final int remaining;

        SlowSender(int length, int sendNow) throws IOException {
            socket = new Socket("localhost", port);
            socket.setSoTimeout(10_000);
            remaining = length - sendNow;
            OutputStream out = socket.getOutputStream();
            out.write(("POST /github/issues HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-GitHub-Event: issues\r\nX-GitHub-Delivery: slow\r\nX-Hub-Signature-256: " + WRONG_SIGNATURE
                    + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[sendNow]);
            out.flush();
        }

        void finish() throws IOException {
            socket.getOutputStream().write(new byte[remaining]);
            socket.getOutputStream().flush();
        }

        // Reads one answer by its framing, without waiting for the connection to close.
        RawAnswer answer() throws IOException {
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new HashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip().toLowerCase(), header.substring(colon + 1).strip());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else {
                for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
            }
            return new RawAnswer(Integer.parseInt(statusLine.split(" ")[1]), headers,
                    body.toString(StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed in the middle of the answer");
                }
                line.write(b);
            }
            return line.toString(StandardCharsets.ISO_8859_1).strip();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

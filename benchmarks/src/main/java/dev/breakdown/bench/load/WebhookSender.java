package dev.breakdown.bench.load;

import dev.breakdown.bench.load.WebhookDeliveries.Delivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the deliveries to webhook-service with the JDK's HttpClient, either open loop at a fixed rate (a delivery's
 * latency counts from when it was due, so a stalled service shows in the percentiles) or closed loop on N
 * connections (each sends its next delivery when the previous one is answered). With redelivery on, a delivery
 * answered 5xx or 429, or not answered, is sent again with the same X-GitHub-Delivery after its {@code Retry-After}
 * (as GitHub's redelivery does), up to {@value #MAX_ATTEMPTS} attempts.
 */
final class WebhookSender implements AutoCloseable {
    static final int MAX_ATTEMPTS = 12;
    private static final int MAX_IN_FLIGHT = 1024;
    private static final long DEFAULT_RETRY_SECONDS = 5;

    private final URI url;
    private final WebhookDeliveries deliveries;
    private final boolean redeliver;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redelivery");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong sequence = new AtomicLong();
    private final List<Sent> all = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong pending = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    /** One delivery and what became of it; times are System.nanoTime(). */
    static final class Sent {
        final String id;
        final Kind kind;
        final String issueUrl;
        final String phase;
        final long dueNanos;
        volatile long firstAnswerNanos;
        volatile int firstStatus;
        volatile long acceptedNanos;
        volatile int status;
        volatile int attempts;
        /** The signed body, kept only until the delivery's final answer (a run holds many thousands). */
        private volatile Delivery delivery;

        Sent(Delivery delivery, String phase, long dueNanos) {
            this.delivery = delivery;
            this.id = delivery.id();
            this.kind = delivery.kind();
            this.issueUrl = delivery.issueUrl();
            this.phase = phase;
            this.dueNanos = dueNanos;
        }

        boolean accepted() {
            return status / 100 == 2;
        }

        String id() {
            return id;
        }
    }

    WebhookSender(URI url, WebhookDeliveries deliveries, boolean redeliver) {
        this.url = url;
        this.deliveries = deliveries;
        this.redeliver = redeliver;
    }

    /** Open loop: delivery i is due at start + i / rate, whatever happened to the earlier ones. */
    List<Sent> atRate(String phase, double rate, double seconds) throws InterruptedException {
        long count = Math.round(rate * seconds);
        List<Sent> sent = new ArrayList<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        double period = 1e9 / rate;
        for (long i = 0; i < count; i++) {
            long due = start + (long) (i * period);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Sent s = new Sent(deliveries.delivery(sequence.getAndIncrement()), phase, due);
            sent.add(s);
            all.add(s);
            if (!inFlight.tryAcquire()) {
                // A service that stopped answering would otherwise make the client open a connection per delivery.
                s.firstStatus = s.status = -1;
                s.firstAnswerNanos = System.nanoTime();
                s.delivery = null;
                note("not sent: " + MAX_IN_FLIGHT + " deliveries already waiting for an answer");
                continue;
            }
            pending.incrementAndGet();
            attempt(s).whenComplete((r, e) -> inFlight.release());
        }
        return sent;
    }

    /**
     * Closed loop: {@code connections} senders, each waiting for its answer, until {@code count} were sent or
     * {@code seconds} passed (0: no time limit).
     */
    List<Sent> withConnections(String phase, int connections, long count, double seconds) throws InterruptedException {
        long deadline = seconds > 0 ? System.nanoTime() + (long) (seconds * 1e9) : Long.MAX_VALUE;
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicLong left = new AtomicLong(count);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline && left.getAndDecrement() > 0) {
                    Sent s = new Sent(deliveries.delivery(sequence.getAndIncrement()), phase, System.nanoTime());
                    sent.add(s);
                    all.add(s);
                    pending.incrementAndGet();
                    attempt(s).join();
                }
            }, "connection-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return new ArrayList<>(sent);
    }

    private CompletableFuture<Void> attempt(Sent s) {
        Delivery d = s.delivery;
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitHub-Hookshot/breakdown-load")
                .header("X-GitHub-Event", "issues")
                .header("X-GitHub-Hook-ID", "4242")
                .header("X-GitHub-Delivery", d.id())
                .header("X-Hub-Signature-256", d.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body())).build();
        s.attempts++;
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            long now = System.nanoTime();
            int status = error != null ? -1 : response.statusCode();
            if (s.attempts == 1) {
                s.firstAnswerNanos = now;
                s.firstStatus = status;
            }
            s.status = status;
            if (status / 100 == 2) {
                s.acceptedNanos = now;
                s.delivery = null;
                pending.decrementAndGet();
                return null;
            }
            note(error != null ? error.getClass().getSimpleName() + ": " + error.getMessage() : "HTTP " + status);
            boolean transientFailure = status < 0 || status >= 500 || status == 429;
            if (redeliver && transientFailure && s.attempts < MAX_ATTEMPTS) {
                long after = response == null ? DEFAULT_RETRY_SECONDS : response.headers().firstValue("Retry-After")
                        .map(WebhookSender::seconds).orElse(DEFAULT_RETRY_SECONDS);
                retries.schedule(() -> attempt(s), after, TimeUnit.SECONDS);
            } else {
                s.delivery = null;
                pending.decrementAndGet();
            }
            return null;
        });
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Math.min(60, Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_SECONDS;
        }
    }

    private void note(String error) {
        if (errors.size() < 20) {
            errors.add(error);
        }
    }

    /** Waits until every delivery sent so far has its final answer (2xx, or no more attempts). */
    boolean awaitAnswers(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return pending.get() == 0;
    }

    List<Sent> all() {
        synchronized (all) {
            return new ArrayList<>(all);
        }
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}

package dev.breakdown.bench.load;

import dev.breakdown.contracts.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed GitHub {@code issues} deliveries built from {@code samples/webhooks}: each one a new issue of this run (its
 * own number, so its own issue key, meeting and nudge), the body padded with prose to about {@value #SIZE} bytes
 * (GitHub's payload of an issue with a long description). Each kind is rendered once into a template; a delivery is
 * the template with its number filled in, then signed like GitHub does (HMAC-SHA256 of the raw body).
 */
final class WebhookDeliveries {
    static final int SIZE = 13_312;
    /** People the overdue issues are assigned to: enough that nobody runs out of free slots in the calendar. */
    private static final int ASSIGNEES = 500;
    private static final Pattern TOKEN = Pattern.compile("@@(N|ASSIGNEE)@@");
    private static final String PROSE = "Steps to reproduce: open the page, apply the change, save. Expected the "
            + "saved state, got the previous one after a reload; the log shows a retry and a timeout. ";

    private final Map<Kind, List<String>> templates = new EnumMap<>(Kind.class);
    private final byte[] secret;
    private final String runId;
    private final ThreadLocal<Mac> macs;

    /** A signed delivery: its id (X-GitHub-Delivery, which webhook-service makes the IssueEvent's event_id). */
    record Delivery(String id, long sequence, Kind kind, String issueUrl, byte[] body, String signature) {
    }

    WebhookDeliveries(Path samples, String runId, String secret) throws IOException {
        this.runId = runId;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.macs = ThreadLocal.withInitial(this::newMac);
        for (Kind kind : Kind.ALL) {
            templates.put(kind, template(Files.readString(samples.resolve(kind.sample)), kind));
        }
    }

    Delivery delivery(long sequence) {
        Kind kind = Kind.of(sequence);
        String number = Long.toString(number(sequence));
        StringBuilder json = new StringBuilder(SIZE + 64);
        List<String> parts = templates.get(kind);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            json.append(i % 2 == 0 ? part : part.equals("N") ? number : "dev" + (sequence % ASSIGNEES) + "-" + runId);
        }
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        Mac mac = macs.get();
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        return new Delivery(runId + "-" + sequence, sequence, kind, issueUrl(kind, number), body, signature);
    }

    private String repo(Kind kind) {
        return switch (kind) {
            case P0_BUG -> "acme/checkout";
            case FRONTEND -> "acme/web";
            case OVERDUE, TRIAGE -> "acme/docs";
        } + "-" + runId;
    }

    private String issueUrl(Kind kind, String number) {
        return "https://github.com/" + repo(kind) + "/issues/" + number;
    }

    private static long number(long sequence) {
        return 1_000 + sequence;
    }

    /** The sample as this kind's delivery, split at its tokens: text, token name, text, ... */
    private List<String> template(String sample, Kind kind) {
        ObjectNode payload = (ObjectNode) Json.mapper().readTree(sample);
        String repo = repo(kind);
        payload.put("action", kind.githubAction);
        ObjectNode repository = (ObjectNode) payload.get("repository");
        repository.put("full_name", repo);
        repository.put("name", repo.substring(repo.indexOf('/') + 1));
        repository.put("html_url", "https://github.com/" + repo);
        ObjectNode issue = (ObjectNode) payload.get("issue");
        issue.put("number", "@@N@@");
        issue.put("id", "@@N@@");
        issue.put("title", issue.get("title").asString() + " (load run " + runId + ", issue @@N@@)");
        issue.put("html_url", "https://github.com/" + repo + "/issues/@@N@@");
        issue.put("url", "https://api.github.com/repos/" + repo + "/issues/@@N@@");
        if (kind == Kind.OVERDUE) {
            ObjectNode assignee = issue.putObject("assignee");
            assignee.put("login", "@@ASSIGNEE@@");
            assignee.put("type", "User");
            ArrayNode assignees = issue.putArray("assignees");
            assignees.add(assignee.deepCopy());
            ObjectNode milestone = issue.putObject("milestone");
            milestone.put("title", "Sprint 41");
            milestone.put("state", "open");
            milestone.put("due_on", LocalDate.now(ZoneOffset.UTC).minusDays(3) + "T07:00:00Z");
        }
        String body = issue.get("body").asString();
        issue.put("body", body + "\n\n");
        String json = Json.mapper().writeValueAsString(payload)
                .replace("\"@@N@@\"", "@@N@@");
        int rendered = json.getBytes(StandardCharsets.UTF_8).length + 3 * (8 - "@@N@@".length());
        StringBuilder padding = new StringBuilder();
        while (padding.length() < SIZE - rendered) {
            padding.append(PROSE);
        }
        padding.setLength(Math.max(0, SIZE - rendered));
        issue.put("body", body + "\n\n" + padding);
        json = Json.mapper().writeValueAsString(payload).replace("\"@@N@@\"", "@@N@@");
        List<String> parts = new ArrayList<>();
        Matcher m = TOKEN.matcher(json);
        int at = 0;
        while (m.find()) {
            parts.add(json.substring(at, m.start()));
            parts.add(m.group(1));
            at = m.end();
        }
        parts.add(json.substring(at));
        return parts;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

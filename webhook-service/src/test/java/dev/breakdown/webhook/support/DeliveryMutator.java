package dev.breakdown.webhook.support;

import dev.breakdown.contracts.Json;
import dev.breakdown.webhook.signature.SignatureVerifier;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds mutated deliveries from the samples: broken bytes, hostile JSON (signed, so it gets past the signature
 * into parsing and normalization), wrong or duplicated headers, content types, form fields, methods and paths.
 * Every delivery carries a unique id in its delivery/identifier header so the topic can be checked against answers.
 * Deterministic for a given {@link Random}.
 */
public final class DeliveryMutator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String INJECT = "@@inject@@";
    private static final String GITHUB_SECRET = WebhookServiceTest.GITHUB_SECRET;
    private static final String JIRA_SECRET = WebhookServiceTest.JIRA_SECRET;
    private static final List<String> GITHUB_SAMPLES = List.of("github-issue-opened-p0-bug.json",
            "github-issue-opened-frontend.json", "github-issue-opened-docs.json");
    private static final List<String> ACTIONS = List.of("opened", "edited", "deleted", "closed", "reopened",
            "assigned", "unassigned", "labeled", "unlabeled", "milestoned", "demilestoned", "locked", "transferred",
            "pinned", "typed", "sub_issue_added", "brand_new_action");
    private static final List<String> JIRA_EVENTS = List.of("jira:issue_created", "jira:issue_updated",
            "jira:issue_deleted", "comment_created", "worklog_updated");
    private static final List<String> GITHUB_FIELDS = List.of("action", "issue", "issue.number", "issue.title",
            "issue.body", "issue.labels", "issue.user", "issue.user.login", "issue.assignee", "issue.milestone",
            "issue.created_at", "issue.updated_at", "issue.state", "issue.html_url", "repository",
            "repository.full_name", "sender");
    private static final List<String> JIRA_FIELDS = List.of("webhookEvent", "issue_event_type_name", "timestamp",
            "issue", "issue.key", "issue.self", "issue.fields", "issue.fields.summary", "issue.fields.labels",
            "issue.fields.priority", "issue.fields.assignee", "issue.fields.status", "issue.fields.duedate",
            "issue.fields.created", "issue.fields.project", "issue.fields.description", "user");
    private static final List<String> UNICODE = List.of("🔥 prod down 🚨", "مرحبا بالعالم", "‮evil‭", "a\u0000b",
            "Ünïcödé ﬁ ß", "\u200b\u200b", "👨‍👩‍👧‍👦".repeat(50), "ｐ０", "𝔭𝔯𝔦𝔬𝔯𝔦𝔱𝔶: 𝔥𝔦𝔤𝔥", "\t\r\n ");
    // Raw JSON text spliced in where the tree cannot express it: lone surrogates, absurd numbers, deep nesting.
    private static final List<String> RAW_VALUES = List.of("\"\\ud800\"", "\"\\udfff\\ud800x\"", "\"\\u0000\"",
            "1e999999", "-1e-999999", "123456789012345678901234567890123456789", "1" + "0".repeat(2000),
            "-0", "0.0000000000000000000000001", "9223372036854775808", "NaN", "Infinity", "01", "+1", "1.", ".5",
            "[" .repeat(400) + "]".repeat(400), "[".repeat(3000) + "]".repeat(3000),
            "{\"a\":".repeat(700) + "1" + "}".repeat(700), "[".repeat(50_000), "\"unterminated", "tru", "nul", "{}",
            "[]", "\"\\x41\"", "\"\\u12\"", "'single'");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "",
            "application/json; charset=utf-16", "application/json;;;", "%%%/;", "application/*", "*/*",
            "multipart/form-data; boundary=xyz", "application/merge-patch+json", "APPLICATION/JSON",
            "application/json; charset=\"bogus\"", "application/x-www-form-urlencoded; charset=latin1",
            "application/jsonx", "json", "application/json, text/plain", "application/octet-stream");

    private final Random random;
    private final String runId;

    public DeliveryMutator(Random random, String runId) {
        this.random = random;
        this.runId = runId;
    }

    /** One request as sent: every header value as given (duplicates allowed), and the ids it carries. */
    public record Mutant(int index, String description, String method, String path, List<Map.Entry<String, String>> headers,
            byte[] body, Set<String> ids, String mustBeRefused) {
        @Override
        public String toString() {
            return "#" + index + (mustBeRefused == null ? "" : " (must be refused: " + mustBeRefused + ")") + " " + method + " " + path + " [" + description + "] headers=" + headers.stream()
                    .map(h -> h.getKey() + ": " + abbreviate(h.getValue())).toList() + " body(" + body.length + ")="
                    + abbreviate(new String(body, StandardCharsets.UTF_8));
        }
    }

    public Mutant next(int index) {
        String id = runId + "-" + index;
        int kind = random.nextInt(8);
        Builder b = switch (kind) {
            case 0, 1, 2 -> githubIssues(id);
            case 3 -> githubComment(id);
            case 4 -> random.nextBoolean() ? githubPing(id) : githubOtherEvent(id);
            case 5, 6 -> jiraSigned(id);
            default -> jiraPathToken(id);
        };
        int mutations = 1 + (random.nextInt(4) == 0 ? 1 : 0);
        for (int m = 0; m < mutations; m++) {
            mutate(b);
        }
        return b.build(index);
    }

    // ---------------------------------------------------------------- bases

    private Builder githubIssues(String id) {
        ObjectNode payload = Samples.webhookJson(pick(GITHUB_SAMPLES));
        payload.put("action", pick(ACTIONS));
        ((ObjectNode) payload.get("issue")).put("number", 10_000 + random.nextInt(1_000_000));
        return github("issues", id, payload);
    }

    private Builder githubComment(String id) {
        ObjectNode payload = Samples.webhookJson(pick(GITHUB_SAMPLES));
        payload.put("action", pick(List.of("created", "edited", "deleted")));
        payload.putObject("comment").put("id", random.nextInt(1_000_000)).put("body", "me too")
                .putObject("user").put("login", "commenter");
        return github("issue_comment", id, payload);
    }

    private Builder githubPing(String id) {
        ObjectNode payload = NODES.objectNode().put("zen", "Keep it logically awesome.").put("hook_id", 4242);
        payload.putObject("hook").put("type", "Repository").putArray("events").add("issues");
        return github("ping", id, payload);
    }

    private Builder githubOtherEvent(String id) {
        ObjectNode payload = Samples.webhookJson(pick(GITHUB_SAMPLES));
        payload.put("action", "opened");
        return github(pick(List.of("pull_request", "push", "star", "issues_extra", "installation")), id, payload);
    }

    private Builder github(String event, String id, ObjectNode payload) {
        Builder b = new Builder(Source.GITHUB, pick(List.of("/github", "/github/issues")), payload);
        b.header("X-GitHub-Event", event).header("X-GitHub-Delivery", id).header("X-GitHub-Hook-ID", "4242")
                .header("User-Agent", "GitHub-Hookshot/fuzz");
        b.ids.add(id);
        if (random.nextInt(5) == 0) {
            b.form = true;
        }
        return b;
    }

    private Builder jiraSigned(String id) {
        Builder b = new Builder(Source.JIRA, "/jira/webhook", jiraPayload());
        b.header("X-Atlassian-Webhook-Identifier", id);
        b.ids.add(id);
        return b;
    }

    private Builder jiraPathToken(String id) {
        Builder b = new Builder(Source.JIRA_TOKEN, "/jira/issues/" + WebhookServiceTest.JIRA_TOKEN, jiraPayload());
        b.header("X-Atlassian-Webhook-Identifier", id);
        b.ids.add(id);
        return b;
    }

    private ObjectNode jiraPayload() {
        ObjectNode payload = Samples.webhookJson("jira-issue-updated-overdue.json");
        payload.put("webhookEvent", pick(JIRA_EVENTS));
        payload.put("timestamp", System.currentTimeMillis() + random.nextInt(1_000_000));
        ((ObjectNode) payload.get("issue")).put("key", "FZ-" + random.nextInt(1_000_000));
        return payload;
    }

    // ---------------------------------------------------------------- mutations

    private void mutate(Builder b) {
        int what = random.nextInt(100);
        if (what < 5) {
            b.description.add("valid");
        } else if (what < 35) {
            mutateTree(b);
        } else if (what < 45) {
            injectRaw(b);
        } else if (what < 60) {
            b.byteMutation = random.nextInt(8);
            b.description.add("bytes:" + b.byteMutation);
        } else if (what < 75) {
            mutateHeaders(b);
        } else if (what < 82) {
            String type = pick(CONTENT_TYPES);
            b.contentType = type;
            b.description.add("content-type:" + type);
        } else if (what < 90) {
            b.form = true;
            b.formMutation = random.nextInt(9);
            b.description.add("form:" + b.formMutation);
        } else if (what < 95) {
            b.signature = Signature.values()[random.nextInt(Signature.values().length)];
            b.description.add("signature:" + b.signature);
        } else {
            mutateRequestLine(b);
        }
    }

    private void mutateTree(Builder b) {
        List<String> fields = b.source == Source.GITHUB ? GITHUB_FIELDS : JIRA_FIELDS;
        String path = random.nextInt(4) == 0 ? randomPath(b.payload) : pick(fields);
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? b.payload : at(b.payload, path.substring(0, dot));
        String name = dot < 0 ? path : path.substring(dot + 1);
        if (!(parent instanceof ObjectNode object)) {
            b.description.add("tree:" + path + "(absent parent)");
            return;
        }
        if (random.nextInt(6) == 0) {
            object.remove(name);
            b.description.add("tree:" + path + " removed");
            return;
        }
        JsonNode value = randomValue(0);
        object.set(name, value);
        b.description.add("tree:" + path + "=" + abbreviate(value.toString()));
    }

    private void injectRaw(Builder b) {
        List<String> fields = b.source == Source.GITHUB ? GITHUB_FIELDS : JIRA_FIELDS;
        String path = pick(fields);
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? b.payload : at(b.payload, path.substring(0, dot));
        if (parent instanceof ObjectNode object) {
            object.put(path.substring(dot + 1), INJECT);
            b.raw = pick(RAW_VALUES);
            b.description.add("raw:" + path + "=" + abbreviate(b.raw));
        }
    }

    private void mutateHeaders(Builder b) {
        String idHeader = b.source == Source.GITHUB ? "X-GitHub-Delivery" : "X-Atlassian-Webhook-Identifier";
        String id = b.firstId();
        switch (random.nextInt(12)) {
            case 0 -> {
                b.headers.removeIf(h -> h.getKey().equals(idHeader));
                b.description.add("no " + idHeader);
            }
            case 1 -> {
                b.header(idHeader, id + "-twin");
                b.ids.add(id + "-twin");
                b.description.add("duplicated " + idHeader);
            }
            case 2 -> {
                String odd = pick(List.of(" ", "", id + " ", "\t" + id, id + "-" + "x".repeat(random.nextInt(3000)),
                        id + "-Ünïcödé-ÿ", id + "-\"quoted\"", id + ",comma", id + ";semi"));
                replaceHeader(b, idHeader, odd);
                b.ids.add(odd.strip());
                b.description.add(idHeader + "=" + abbreviate(odd));
            }
            case 3 -> {
                b.headers.removeIf(h -> h.getKey().equals("X-GitHub-Event"));
                b.description.add("no X-GitHub-Event");
            }
            case 4 -> {
                String event = pick(List.of("", " ", "ISSUES", "issues ", "issues,issues", "pïng", "ping",
                        "issue_comment", "x".repeat(2000), "issues\u00a0"));
                replaceHeader(b, "X-GitHub-Event", event);
                b.description.add("X-GitHub-Event=" + abbreviate(event));
            }
            case 5 -> {
                b.header("X-GitHub-Event", pick(List.of("issues", "ping", "push")));
                b.description.add("duplicated X-GitHub-Event");
            }
            case 6 -> {
                b.duplicateSignature = true;
                b.description.add("duplicated signature");
            }
            case 7 -> {
                b.header("Content-Type", pick(CONTENT_TYPES));
                b.description.add("second Content-Type");
            }
            case 8 -> {
                for (int i = 0; i < 60; i++) {
                    b.header("X-Fuzz-" + i, "v".repeat(random.nextInt(200)));
                }
                b.description.add("many headers");
            }
            case 9 -> {
                b.header("X-Padding", "p".repeat(6000 + random.nextInt(6000)));
                b.description.add("oversized header");
            }
            case 10 -> {
                b.header("Content-Encoding", pick(List.of("gzip", "br", "identity", "deflate")));
                b.description.add("content-encoding");
            }
            default -> {
                b.header("Transfer-Encoding-Hint", "chunked").header("X-Expect", "nothing");
                b.description.add("odd headers");
            }
        }
    }

    private void mutateRequestLine(Builder b) {
        if (random.nextBoolean()) {
            b.method = pick(List.of("GET", "PUT", "DELETE", "PATCH"));
            b.description.add("method " + b.method);
            b.refusedIf(true, "not a POST");
        } else {
            b.path = pick(List.of("/GITHUB", "/github/", "/github/issues/extra", "/jira", "/jira/issues/",
                    "/jira/issues/wrong-token", "/jira/issues/" + WebhookServiceTest.JIRA_TOKEN + "x", "/",
                    "/github?x=1", "/github/issues;jsessionid=abc", "/github/%2e%2e/jira/webhook", "/%00",
                    "/github/issues?payload=%7B%7D", "/jira/webhook/"));
            b.description.add("path " + b.path);
        }
    }

    // Big values only at the top: a body stays well under GitHub's 25 MB cap (bigger ones are LimitsTest's job).
    private JsonNode randomValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 12 : 16)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(pick(List.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE)));
            case 3 -> NODES.numberNode(pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE)));
            case 4 -> NODES.numberNode(BigInteger.TEN.pow(20 + random.nextInt(200)));
            case 5 -> NODES.numberNode(pick(List.of(1e308, -4.9e-324, 0.5, 3.0)));
            case 6 -> NODES.stringNode("");
            case 7 -> NODES.stringNode(pick(UNICODE));
            case 8 -> NODES.stringNode(pick(List.of("2025-13-45T99:99:99Z", "yesterday", "2025-10-31", "p0",
                    "priority: high", "http://[::1", "::::", "https://x/rest/api/2/issue/1", "acme/checkout")));
            case 9 -> NODES.objectNode();
            case 10 -> NODES.arrayNode();
            case 11 -> NODES.stringNode(Long.toString(random.nextLong()));
            case 12 -> NODES.stringNode("s".repeat(1 + random.nextInt(random.nextInt(20) == 0 ? 3_000_000 : 2_000)));
            case 13 -> {
                ArrayNode array = NODES.arrayNode();
                int n = random.nextInt(10) == 0 ? 5_000 : random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    array.add(random.nextBoolean() ? NODES.objectNode().put("name", "label-" + i)
                            : randomValue(depth + 1));
                }
                yield array;
            }
            case 14 -> {
                ObjectNode object = NODES.objectNode();
                for (int i = 0; i < random.nextInt(4); i++) {
                    object.set(pick(List.of("login", "name", "due_on", "key", "displayName", "full_name")),
                            randomValue(depth + 1));
                }
                yield object;
            }
            default -> nested(1 + random.nextInt(450));
        };
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.stringNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("n", node);
        }
        return node;
    }

    private String randomPath(ObjectNode root) {
        StringBuilder path = new StringBuilder();
        JsonNode node = root;
        while (node instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = pick(names);
            path.append(path.isEmpty() ? "" : ".").append(name);
            node = object.get(name);
            if (random.nextInt(3) == 0) {
                break;
            }
        }
        return path.isEmpty() ? "action" : path.toString();
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static void replaceHeader(Builder b, String name, String value) {
        b.headers.removeIf(h -> h.getKey().equals(name));
        b.header(name, value);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 100) + "...(" + text.length() + " chars)";
    }

    private enum Source { GITHUB, JIRA, JIRA_TOKEN }

    private enum Signature { MISSING, OVER_ORIGINAL, WRONG_SECRET, SHA1, TRUNCATED, GARBAGE, UPPER_CASE, SPACES }

    private final class Builder {
        final Source source;
        final ObjectNode payload;
        final List<Map.Entry<String, String>> headers = new ArrayList<>();
        final Set<String> ids = new LinkedHashSet<>();
        final List<String> description = new ArrayList<>();
        String method = "POST";
        String path;
        String contentType;
        boolean form;
        int formMutation = -1;
        int byteMutation = -1;
        String raw;
        Signature signature;
        boolean duplicateSignature;
        String mustBeRefused;

        Builder(Source source, String path, ObjectNode payload) {
            this.source = source;
            this.path = path;
            this.payload = payload;
        }

        Builder header(String name, String value) {
            headers.add(Map.entry(name, value));
            return this;
        }

        void refusedIf(boolean condition, String why) {
            if (condition && mustBeRefused == null) {
                mustBeRefused = why;
            }
        }

        List<String> values(String name) {
            return headers.stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).toList();
        }

        String firstId() {
            return ids.iterator().next();
        }

        Mutant build(int index) {
            byte[] json = Json.mapper().writeValueAsBytes(payload);
            if (raw != null) {
                json = new String(json, StandardCharsets.UTF_8).replace("\"" + INJECT + "\"", raw)
                        .getBytes(StandardCharsets.UTF_8);
            }
            byte[] original = form ? formBody(json, -1) : json;
            byte[] body = form ? formBody(json, formMutation) : json;
            if (byteMutation >= 0) {
                body = mutateBytes(body, byteMutation);
            }
            // Decided on the final headers: a later mutation may have replaced an earlier one's header.
            List<String> idValues = values(source == Source.GITHUB ? "X-GitHub-Delivery" : "X-Atlassian-Webhook-Identifier");
            refusedIf(idValues.size() > 1, "two delivery ids");
            if (source == Source.GITHUB) {
                List<String> events = values("X-GitHub-Event");
                refusedIf(idValues.isEmpty() || idValues.get(0).isBlank(), "no delivery id");
                refusedIf(events.size() != 1 || events.get(0).isBlank(), "not exactly one event header");
            }
            List<Map.Entry<String, String>> all = new ArrayList<>();
            String type = contentType != null ? contentType
                    : form ? "application/x-www-form-urlencoded" : "application/json";
            if (!type.isEmpty()) {
                all.add(Map.entry("Content-Type", type));
            }
            all.addAll(headers);
            String secret = switch (source) {
                case GITHUB -> GITHUB_SECRET;
                case JIRA -> JIRA_SECRET;
                case JIRA_TOKEN -> null;
            };
            if (secret != null) {
                String header = source == Source.GITHUB ? "X-Hub-Signature-256" : "X-Hub-Signature";
                String value = signature(secret, body, original);
                if (value != null) {
                    all.add(Map.entry(header, value));
                    if (duplicateSignature) {
                        all.add(Map.entry(header, random.nextBoolean() ? value : SignatureVerifier.sign("x", body)));
                        refusedIf(true, "two signatures");
                    }
                }
                boolean forged = signature != null && switch (signature) {
                    case MISSING, WRONG_SECRET, SHA1, TRUNCATED, GARBAGE -> true;
                    case OVER_ORIGINAL -> !java.util.Arrays.equals(body, original);
                    case UPPER_CASE, SPACES -> false;
                };
                refusedIf(forged, "signature " + signature);
            }
            return new Mutant(index, String.join(", ", description), method, path, all, body, ids, mustBeRefused);
        }

        private String signature(String secret, byte[] body, byte[] original) {
            if (signature == null) {
                return SignatureVerifier.sign(secret, body);
            }
            String good = SignatureVerifier.sign(secret, body);
            return switch (signature) {
                case MISSING -> null;
                case OVER_ORIGINAL -> SignatureVerifier.sign(secret, original);
                case WRONG_SECRET -> SignatureVerifier.sign(secret + "!", body);
                case SHA1 -> "sha1=" + good.substring(7, 47);
                case TRUNCATED -> good.substring(0, good.length() - 2);
                case GARBAGE -> "sha256=" + "zz".repeat(32);
                case UPPER_CASE -> "SHA256=" + good.substring(7).toUpperCase();
                case SPACES -> "  " + good + "  ";
            };
        }

        private byte[] formBody(byte[] json, int mutation) {
            String encoded = URLEncoder.encode(new String(json, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            String form = switch (mutation) {
                case 0 -> "payload=" + encoded.substring(0, random.nextInt(encoded.length()));
                case 1 -> "payload=%ZZ" + encoded;
                case 2 -> "nothing=" + encoded;
                case 3 -> "payload=";
                case 4 -> "payload=" + new String(json, StandardCharsets.UTF_8);
                case 5 -> "payload=%C3%28" + encoded;
                case 6 -> "payload=" + encoded + "&payload=%7B%7D";
                case 7 -> "&&=&payload";
                case 8 -> "payload=" + encoded + "%";
                default -> "payload=" + encoded;
            };
            return form.getBytes(StandardCharsets.UTF_8);
        }

        private byte[] mutateBytes(byte[] body, int mutation) {
            byte[] out = body.clone();
            int len = out.length;
            switch (mutation) {
                case 0 -> {
                    for (int i = 0, n = 1 + random.nextInt(8); i < n && len > 0; i++) {
                        out[random.nextInt(len)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> out = java.util.Arrays.copyOf(out, len == 0 ? 0 : random.nextInt(len));
                case 2 -> {
                    for (int i = 0, n = 1 + random.nextInt(16); i < n && len > 0; i++) {
                        out[random.nextInt(len)] = (byte) random.nextInt(256);
                    }
                }
                case 3 -> {
                    byte[] junk = new byte[1 + random.nextInt(64)];
                    random.nextBytes(junk);
                    int at = len == 0 ? 0 : random.nextInt(len);
                    out = concat(java.util.Arrays.copyOf(out, at), junk, java.util.Arrays.copyOfRange(body, at, len));
                }
                case 4 -> {
                    int from = len == 0 ? 0 : random.nextInt(len);
                    int to = Math.min(len, from + random.nextInt(200));
                    out = concat(java.util.Arrays.copyOf(out, from), java.util.Arrays.copyOfRange(body, to, len));
                }
                case 5 -> out = new byte[0];
                case 6 -> {
                    out = new byte[random.nextInt(4096)];
                    random.nextBytes(out);
                }
                default -> out = concat(body, body);
            }
            return out;
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}

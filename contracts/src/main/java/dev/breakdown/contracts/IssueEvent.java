package dev.breakdown.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A GitHub or Jira issue event, normalized by webhook-service; the value of the {@code issues} topic.
 * {@code received_at} is when webhook-service received the delivery (for the end-to-end latency); it is left out
 * when absent, so events from other producers and older events keep their exact JSON.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueEvent(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("source") String source,
        @JsonProperty("type") String type,
        @JsonProperty("repo") String repo,
        @JsonProperty("issue_number") Integer issueNumber,
        @JsonProperty("issue_key") String issueKey,
        @JsonProperty("title") String title,
        @JsonProperty("url") String url,
        @JsonProperty("labels") List<String> labels,
        @JsonProperty("assignee") String assignee,
        @JsonProperty("priority") String priority,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("due_at") String dueAt,
        @JsonProperty("author") String author,
        @JsonProperty("state") String state,
        @JsonProperty("body_preview") String bodyPreview,
        @JsonProperty("action") String action,
        @JsonProperty("received_at") @JsonInclude(JsonInclude.Include.NON_NULL) Instant receivedAt) {

    public static final String SOURCE_GITHUB = "github";
    public static final String SOURCE_JIRA = "jira";

    public IssueEvent {
        labels = labels == null ? List.of() : labels.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The Kafka record key: one issue's events stay in one partition, in order. */
    public String topicKey() {
        return IssueKeys.of(source, repo, issueNumber, issueKey);
    }

    /** True when the event carries the label, ignoring case. */
    public boolean hasLabel(String label) {
        return labels.stream().anyMatch(l -> l.equalsIgnoreCase(label));
    }

    /** The due date's calendar day; {@code due_at} may be a date or a date-time. */
    public Optional<LocalDate> dueDate() {
        if (dueAt == null || dueAt.isBlank()) {
            return Optional.empty();
        }
        String text = dueAt.trim();
        try {
            return Optional.of(text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True for the event that creates an issue (GitHub opened, Jira created). */
    @JsonIgnore
    public boolean isNewIssue() {
        return type != null && (type.equals("issue_opened") || type.equals("issue_created"));
    }

    public String normalizedPriority() {
        return priority == null ? "" : priority.trim().toUpperCase(Locale.ROOT);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder(null);
    }

    /** Twenty-one fields are too many for a positional constructor at every call site. */
    public static final class Builder {
        private String eventId, projectId, source, type, repo, issueKey, title, url, assignee, priority,
                status, dueAt, author, state, bodyPreview, action;
        private Integer issueNumber;
        private List<String> labels = List.of();
        private Instant createdAt, updatedAt, receivedAt;

        private Builder(IssueEvent e) {
            if (e == null) {
                return;
            }
            eventId = e.eventId; projectId = e.projectId; source = e.source; type = e.type; repo = e.repo;
            issueNumber = e.issueNumber; issueKey = e.issueKey; title = e.title; url = e.url; labels = e.labels;
            assignee = e.assignee; priority = e.priority; status = e.status; createdAt = e.createdAt;
            updatedAt = e.updatedAt; dueAt = e.dueAt; author = e.author; state = e.state;
            bodyPreview = e.bodyPreview; action = e.action; receivedAt = e.receivedAt;
        }

        public Builder eventId(String v) { eventId = v; return this; }
        public Builder projectId(String v) { projectId = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder type(String v) { type = v; return this; }
        public Builder repo(String v) { repo = v; return this; }
        public Builder issueNumber(Integer v) { issueNumber = v; return this; }
        public Builder issueKey(String v) { issueKey = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder labels(List<String> v) { labels = v; return this; }
        public Builder assignee(String v) { assignee = v; return this; }
        public Builder priority(String v) { priority = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder dueAt(String v) { dueAt = v; return this; }
        public Builder author(String v) { author = v; return this; }
        public Builder state(String v) { state = v; return this; }
        public Builder bodyPreview(String v) { bodyPreview = v; return this; }
        public Builder action(String v) { action = v; return this; }
        public Builder receivedAt(Instant v) { receivedAt = v; return this; }

        public IssueEvent build() {
            return new IssueEvent(eventId, projectId, source, type, repo, issueNumber, issueKey, title, url, labels,
                    assignee, priority, status, createdAt, updatedAt, dueAt, author, state, bodyPreview, action, receivedAt);
        }
    }
}

package dev.breakdown.chatweb.assistant;

import java.util.Optional;

/** Whether the self-hosted assistant can answer; the page shows the reason before anyone types. */
public interface AssistantStatus {

    /** Empty when a model is configured, else a message naming the variables to set. */
    Optional<String> missingConfiguration();
}

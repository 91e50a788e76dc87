package dev.breakdown.chatweb.assistant.tool;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.breakdown.chatweb.assistant.AssistantTool;
import java.time.Instant;
import java.util.List;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.stereotype.Component;

/**
 * The policies in force, from agent-service's {@code GET /policies}: the file, when it was loaded, its rule and team
 * names, and a rejected edit if there is one. The rules' conditions are not exposed by that endpoint; for what a
 * rule checks, {@code explain_issue} shows each condition's result on a real issue.
 */
@Component
class PoliciesTool implements AssistantTool {
    private final BreakdownApis apis;

    PoliciesTool(BreakdownApis apis) {
        this.apis = apis;
    }

    @Override
    public String progressText() {
        return "Reading the policies in force";
    }

    @Override
    public String progressIcon() {
        return "book-open";
    }

    @Tool(name = "policies_in_force", description = "The agent's policies in force: policy file, when loaded, the rule "
            + "names in order of precedence, the teams, and the last rejected edit of the file if any.")
    Policies policiesInForce() {
        return apis.agent().get().uri("/policies").retrieve().body(Policies.class);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Policies(@JsonProperty("file") String file, @JsonProperty("loaded_at") Instant loadedAt,
                    @JsonProperty("rules") List<String> rules, @JsonProperty("teams") List<String> teams,
                    @JsonProperty("last_rejected") Object lastRejected) {
    }
}

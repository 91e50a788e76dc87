package dev.breakdown.chatweb.page;

import dev.breakdown.chatweb.assistant.AssistantStatus;
import dev.breakdown.chatweb.session.HostedChatKitProperties;
import dev.breakdown.contracts.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The chat page. It hands the browser everything it needs as one JSON document, including what the server
 * already knows is missing, so the page can say so instead of showing an empty box.
 */
@Controller
class ChatPageController {
    private final ChatPageProperties page;
    private final HostedChatKitProperties hosted;
    private final ObjectProvider<AssistantStatus> assistant;

    ChatPageController(ChatPageProperties page, HostedChatKitProperties hosted, ObjectProvider<AssistantStatus> assistant) {
        this.page = page;
        this.hosted = hosted;
        this.assistant = assistant;
    }

    @GetMapping("/")
    String chat(Model model) {
        model.addAttribute("page", page);
        model.addAttribute("config", Json.mapper().writeValueAsString(browserConfig()));
        return "chat";
    }

    private Map<String, Object> browserConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        Optional<String> workflow = hosted.workflow();
        config.put("mode", workflow.isPresent() ? "hosted" : "self-hosted");
        workflow.ifPresent(id -> config.put("workflowId", id));
        config.put("apiUrl", page.apiUrl());
        config.put("domainKey", page.domainKey());
        config.put("scriptUrl", page.scriptUrl());
        config.put("scriptTimeoutMs", page.scriptTimeout().toMillis());
        config.put("greeting", page.greeting());
        config.put("placeholder", page.placeholder());
        // Our own ChatKit server takes no uploads; a hosted workflow may.
        config.put("attachments", page.attachments() && workflow.isPresent());
        config.put("prompts", page.starterPrompts());
        config.put("theme", page.theme());
        problem(workflow.isPresent()).ifPresent(problem -> config.put("problem", problem));
        return config;
    }

    private Optional<String> problem(boolean hostedMode) {
        if (hostedMode) {
            return hosted.apiKey().isPresent() ? Optional.empty()
                    : Optional.of("Hosted ChatKit needs an API key: set OPENAI_API_KEY for chat-web and restart it"
                            + " (or unset CHATKIT_WORKFLOW_ID to use Breakdown's own assistant).");
        }
        AssistantStatus status = assistant.getIfAvailable();
        return status == null
                ? Optional.of("Breakdown's assistant is not available in this build of chat-web.")
                : status.missingConfiguration();
    }
}

package dev.breakdown.gateway.agent;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.RunResponse;
import dev.breakdown.gateway.GatewayProperties;
import dev.breakdown.platform.servicetoken.ServiceToken;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Asks the agent at AGENTKIT_URL what to do about an issue. Connection failures, 5xx and 429 propagate as they
 * are (retried by the listener's error handler); other 4xx become {@link AgentRejectedIssueException}.
 */
@Component
public class AgentClient {

    private final RestClient restClient;
    private final URI runUrl;

    public AgentClient(RestClient.Builder builder, GatewayProperties properties, ServiceToken serviceToken) {
        this.restClient = serviceToken.applyTo(builder).build();
        this.runUrl = properties.agentkitUri();
    }

    public RunResponse decide(IssueEvent event) {
        try {
            RunResponse response = restClient.post()
                    .uri(runUrl)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(event)
                    .retrieve()
                    .body(RunResponse.class);
            return response == null ? new RunResponse(event.eventId(), null) : response;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)) {
                throw e;
            }
            throw new AgentRejectedIssueException("agent at " + runUrl + " rejected event " + event.eventId()
                    + " with " + e.getStatusCode().value() + ": " + abbreviate(e.getResponseBodyAsString()), e);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}

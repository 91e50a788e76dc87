package dev.breakdown.chatweb.assistant.tool;

import dev.breakdown.chatweb.assistant.AssistantProperties;
import dev.breakdown.platform.servicetoken.ServiceToken;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** HTTP clients for agent-service (AGENT_API_BASE) and calendar-service (CALENDAR_API_BASE), with short time-outs. */
@Component
class BreakdownApis {
    private final RestClient agent;
    private final RestClient calendar;

    BreakdownApis(RestClient.Builder builder, AssistantProperties properties, ServiceToken serviceToken) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        // A tool that waits longer than this holds the whole answer; the model is told the service did not answer.
        factory.setConnectTimeout(Duration.ofSeconds(3));
        factory.setReadTimeout(Duration.ofSeconds(15));
        this.agent = serviceToken.applyTo(builder.clone()).requestFactory(factory).baseUrl(properties.agentApiBase()).build();
        this.calendar = serviceToken.applyTo(builder.clone()).requestFactory(factory)
                .baseUrl(properties.calendarApiBase()).build();
    }

    RestClient agent() {
        return agent;
    }

    /** A list endpoint of calendar-service, with the filters that have a value as query parameters. */
    <T> List<T> calendarList(String path, Map<String, Object> filters, ParameterizedTypeReference<List<T>> type) {
        List<T> found = calendar.get().uri(uri -> {
            uri.path(path);
            filters.forEach((name, value) -> {
                if (value != null && !value.toString().isBlank()) {
                    uri.queryParam(name, value.toString().strip());
                }
            });
            return uri.build();
        }).retrieve().body(type);
        return found == null ? List.of() : found;
    }
}

package dev.breakdown.gateway.jira;

import dev.breakdown.gateway.writeback.RateLimits;
import dev.breakdown.gateway.writeback.TrackerHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The Jira tracker: one HTTP client asking for JSON, with its rate limits. */
@Configuration(proxyBeanMethods = false)
class JiraConfig {

    @Bean
    JiraTracker jiraTracker(JiraProperties properties, RestClient.Builder builder, MeterRegistry registry) {
        RestClient client = builder.clone().defaultHeader("Accept", "application/json").build();
        return new JiraTracker(new TrackerHttp(JiraTracker.SOURCE, client,
                new RateLimits(JiraTracker.SOURCE, registry, Clock.systemUTC()), registry), properties);
    }
}

package dev.breakdown.gateway.github;

import dev.breakdown.gateway.writeback.RateLimits;
import dev.breakdown.gateway.writeback.TrackerHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The GitHub tracker: one HTTP client with GitHub's documented headers, its rate limits and its credentials. */
@Configuration(proxyBeanMethods = false)
class GitHubConfig {

    static final String API_VERSION = "2022-11-28";

    @Bean
    GitHubTracker gitHubTracker(GitHubProperties properties, RestClient.Builder builder, MeterRegistry registry) {
        RestClient client = builder.clone()
                .defaultHeader("Accept", "application/vnd.github+json")
                .defaultHeader("X-GitHub-Api-Version", API_VERSION)
                .defaultHeader("User-Agent", "breakdown-gateway")
                .build();
        TrackerHttp http = new TrackerHttp(GitHubTracker.SOURCE, client,
                new RateLimits(GitHubTracker.SOURCE, registry, Clock.systemUTC()), registry);
        GitHubAuth auth = null;
        if (properties.usesApp()) {
            auth = new GitHubAppAuth(properties.appId(), GitHubAppAuth.readKey(properties.appPrivateKey()), http,
                    properties.apiUri(), Clock.systemUTC());
        } else if (properties.token() != null) {
            String header = "Bearer " + properties.token();
            auth = repo -> header;
        }
        return new GitHubTracker(http, auth, properties.apiUri());
    }
}

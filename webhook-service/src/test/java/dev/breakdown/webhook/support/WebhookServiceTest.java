package dev.breakdown.webhook.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The whole service on a random port against an embedded KRaft broker, with GitHub (two secrets: a rotation),
 * Jira and the Jira path token configured, and Breakdown's own accounts (loop prevention). Classes with this annotation share one context and one broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "breakdown.webhook.github-secrets=" + WebhookServiceTest.GITHUB_SECRET + "," + WebhookServiceTest.GITHUB_NEW_SECRET,
        "breakdown.webhook.jira-secrets=" + WebhookServiceTest.JIRA_SECRET,
        "breakdown.webhook.jira-path-token=" + WebhookServiceTest.JIRA_TOKEN,
        "breakdown.webhook.projects[octo/mapped]=mapped-project",
        "breakdown.webhook.projects.MAPPED=mapped-jira-project",
        "breakdown.webhook.loop.github-logins=" + WebhookServiceTest.GITHUB_BOT,
        "breakdown.webhook.loop.jira-account-ids=" + WebhookServiceTest.JIRA_BOT})
@EmbeddedKafka(count = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface WebhookServiceTest {
    String GITHUB_SECRET = "It's a Secret to Everybody";
    String GITHUB_NEW_SECRET = "rotated-github-secret";
    String JIRA_SECRET = "jira-secret";
    String JIRA_TOKEN = "jira-path-token-7f3a";
    String GITHUB_BOT = "breakdown-app[bot]";
    String JIRA_BOT = "5b10bot0000000000000b0t";
}

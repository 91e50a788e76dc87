package dev.breakdown.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class WebhookPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void refusesToStartWithoutAnySecretNamingTheVariables() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("GITHUB_WEBHOOK_SECRET")
                    .hasMessageContaining("JIRA_WEBHOOK_SECRET");
        });
    }

    @Test
    void startsWithoutSecretsWhenUnsignedDeliveriesAreExplicitlyAllowed() {
        runner.withPropertyValues("breakdown.webhook.allow-unsigned=true").run(context ->
                assertThat(context).hasNotFailed());
    }

    @Test
    void startsWithOnlyAJiraPathToken() {
        runner.withPropertyValues("breakdown.webhook.jira-path-token=t0ken").run(context ->
                assertThat(context).hasNotFailed());
    }

    @Test
    void commaSeparatedSecretsAreTrimmedAndBlanksDropped() {
        runner.withPropertyValues("breakdown.webhook.github-secrets=old , new,,").run(context ->
                assertThat(context.getBean(WebhookProperties.class).githubSecrets()).containsExactly("old", "new"));
    }

    @Test
    void secretsStayOutOfToString() {
        runner.withPropertyValues("breakdown.webhook.github-secrets=hunter2").run(context ->
                assertThat(context.getBean(WebhookProperties.class).toString()).doesNotContain("hunter2"));
    }

    @Test
    void nonPositiveAckTimeoutIsRefused() {
        runner.withPropertyValues("breakdown.webhook.allow-unsigned=true", "breakdown.webhook.ack-timeout=0s")
                .run(context -> assertThat(context).hasFailed());
    }

    @EnableConfigurationProperties(WebhookProperties.class)
    static class Config {
    }
}

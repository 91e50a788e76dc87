package dev.breakdown.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
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

    @ParameterizedTest
    @ValueSource(strings = {"lots", "0", "-64MB", "1MB", "64 megabytes"})
    void badBufferBudgetIsRefusedNamingTheVariable(String budget) {
        runner.withPropertyValues("breakdown.webhook.allow-unsigned=true", "breakdown.webhook.buffer-budget=" + budget)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("WEBHOOK_BUFFER_BUDGET");
                });
    }

    @Test
    void bufferBudgetIsASizeOfAtLeastTheLargestBody() {
        runner.withPropertyValues("breakdown.webhook.allow-unsigned=true", "breakdown.webhook.max-body-size=2MB",
                "breakdown.webhook.buffer-budget=2MB").run(context ->
                assertThat(context.getBean(WebhookProperties.class).bufferBudgetBytes()).isEqualTo(2L * 1024 * 1024));
        runner.withPropertyValues("breakdown.webhook.allow-unsigned=true").run(context ->
                assertThat(context.getBean(WebhookProperties.class).bufferBudgetBytes()).isEqualTo(64L * 1024 * 1024));
    }

    /** The whole application, as started with WEBHOOK_BUFFER_BUDGET=lots: it stops before serving anything. */
    @Test
    void serviceDoesNotStartWithAnUnreadableBufferBudget() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(WebhookApplication.class).run(
                "--WEBHOOK_BUFFER_BUDGET=lots", "--GITHUB_WEBHOOK_SECRET=s", "--server.port=0",
                "--spring.kafka.bootstrap-servers=localhost:9", "--spring.kafka.admin.auto-create=false").close())
                .rootCause().hasMessageContaining("WEBHOOK_BUFFER_BUDGET");
    }

    @EnableConfigurationProperties(WebhookProperties.class)
    static class Config {
    }
}

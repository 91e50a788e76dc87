package dev.breakdown.webhook.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Breakdown's own accounts as application.yml maps them from the environment. */
class LoopPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LoopProperties.class)
    static class PropertiesOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void botLoginsAndJiraAccountComeFromTheEnvironment() {
        runner.withPropertyValues("GITHUB_BOT_LOGIN=Breakdown-App[bot], ci-bot", "JIRA_BOT_ACCOUNT_ID=5b10bot",
                "JIRA_EMAIL=bot@acme.example", "GITHUB_TOKEN=ghp_loop").run(context -> {
            LoopProperties loop = context.getBean(LoopProperties.class);
            assertThat(loop.githubLogins()).containsExactly("breakdown-app[bot]", "ci-bot");
            assertThat(loop.jiraAccountIds()).containsExactly("5b10bot");
            assertThat(loop.jiraEmail()).isEqualTo("bot@acme.example");
            assertThat(loop.toString()).doesNotContain("ghp_loop");
        });
    }

    @Test
    void apiUrlThatIsNotAUrlStopsTheStartNamingIt() {
        runner.withPropertyValues("GITHUB_API_URL=api.github.com").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("GITHUB_API_URL must be an absolute http(s) URL"));
    }
}

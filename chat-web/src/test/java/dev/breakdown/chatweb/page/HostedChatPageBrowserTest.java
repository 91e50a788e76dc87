package dev.breakdown.chatweb.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.chatweb.support.Browser;
import dev.breakdown.chatweb.support.HttpStandIn;
import dev.breakdown.chatweb.support.HttpStandIn.Answer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With CHATKIT_WORKFLOW_ID set the page uses the hosted workflow through /api/create-session. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"breakdown.chat-web.page.script-url=/test/chatkit-standin.js",
                "breakdown.chat-web.hosted.workflow-id=wf_hosted", "breakdown.chat-web.hosted.openai-api-key=sk-hosted-test"})
@EmbeddedKafka(partitions = 1)
class HostedChatPageBrowserTest {
    static final HttpStandIn OPENAI = new HttpStandIn();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("breakdown.chat-web.hosted.api-base", OPENAI::baseUrl);
    }

    @AfterAll
    static void stop() {
        OPENAI.close();
    }

    static final String CLIENT_SECRET = "return await (async () => { const e = document.getElementById('chatkit');"
            + " const o = e.optionsLog[e.optionsLog.length - 1];"
            + " try { return 'secret:' + await o.api.getClientSecret(null); } catch (x) { return 'error:' + x.message; } })()";

    @Test
    void hostedOptionsFetchTheClientSecretAndAFailureShowsTheServersText() {
        try (Browser browser = Browser.start()) {
            browser.open("http://localhost:" + port + "/");
            browser.await(Duration.ofSeconds(5), d -> browser.script(
                    "const e = document.getElementById('chatkit'); return !!(e.optionsLog && e.optionsLog.length)"));
            assertThat(browser.script("return document.getElementById('chatkit').lastOptionsAsJson()").toString())
                    .contains("\"getClientSecret\":\"function\"").doesNotContain("\"url\"");

            OPENAI.answer(Answer.json(200, "{\"client_secret\":\"ek_browser\",\"expires_at\":1}"));
            assertThat(browser.script(CLIENT_SECRET)).isEqualTo("secret:ek_browser");
            assertThat(OPENAI.received().get(0).body()).contains("wf_hosted");

            OPENAI.answer(Answer.json(429, "{\"error\":{\"message\":\"Rate limit reached for workflow sessions\"}}"));
            assertThat(browser.script(CLIENT_SECRET)).isEqualTo("error:Rate limit reached for workflow sessions");
            assertThat(browser.driver().findElement(By.cssSelector("[data-kind='session']")).getText())
                    .contains("Rate limit reached for workflow sessions");
            assertThat(browser.driver().getPageSource()).doesNotContain("sk-hosted-test");
        }
    }
}

package dev.breakdown.chatweb.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.chatweb.support.Browser;
import dev.breakdown.chatweb.support.TopicReader;
import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * The chat page and the activity view in headless Chromium, self-hosted mode, with a test-only stand-in for
 * the ChatKit element (the CDN is unreachable here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"breakdown.chat-web.page.script-url=/test/chatkit-standin.js", "CHATKIT_DOMAIN_KEY=domain_pk_test"})
@EmbeddedKafka(partitions = 1, topics = {"actions", "outcomes", "chatkit_telemetry"})
class ChatPageBrowserTest {
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    JsonNode lastOptions() {
        browser.await(Duration.ofSeconds(5), d -> browser.script(
                "const e = document.getElementById('chatkit'); return !!(e.optionsLog && e.optionsLog.length)"));
        return Json.mapper().readTree((String) browser.script(
                "return document.getElementById('chatkit').lastOptionsAsJson()"));
    }

    @Test
    void pagePassesTheSelfHostedOptionsFromConfiguration() {
        browser.open(url("/"));
        browser.script("localStorage.clear()");
        browser.open(url("/"));

        JsonNode options = lastOptions();

        assertThat(options.path("api").path("url").asString()).isEqualTo("/chatkit");
        assertThat(options.path("api").path("domainKey").asString()).isEqualTo("domain_pk_test");
        assertThat(options.path("api").has("getClientSecret")).isFalse();
        assertThat(options.path("theme").path("radius").asString()).isEqualTo("round");
        assertThat(options.path("theme").path("color").path("grayscale").path("hue").asInt()).isEqualTo(220);
        assertThat(options.path("theme").path("color").path("grayscale").path("tint").asInt()).isEqualTo(6);
        assertThat(options.path("theme").path("color").path("accent").path("primary").asString()).isIn("#0f172a", "#f1f5f9");
        assertThat(options.path("startScreen").path("greeting").asString()).isEqualTo("What should we look at?");
        assertThat(options.path("startScreen").path("prompts")).hasSize(4);
        assertThat(options.path("startScreen").path("prompts").get(0).path("icon").asString()).isEqualTo("sparkle");
        assertThat(options.path("composer").path("placeholder").asString()).startsWith("Ask what the agent did");
        assertThat(options.path("composer").path("attachments").path("enabled").asBoolean(true)).isFalse();
        assertThat(options.path("onClientTool").asString()).isEqualTo("function");
    }

    @Test
    void dispatchedResponseStartArrivesOnTheTelemetryTopic() {
        browser.open(url("/"));
        lastOptions();
        String user = UUID.randomUUID().toString();
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().addCookie(new org.openqa.selenium.Cookie("chatkit_session_id", user));

        try (TopicReader telemetry = new TopicReader(broker, "chatkit_telemetry")) {
            browser.script("document.getElementById('chatkit').dispatchEvent(new CustomEvent('chatkit.response.start'))");
            browser.script("document.getElementById('chatkit').dispatchEvent(new CustomEvent('chatkit.error',"
                    + " {detail: {error: new Error('model timed out')}}))");

            var records = telemetry.recordsFor(user, 2, Duration.ofSeconds(10));
            assertThat(records).extracting(r -> Json.mapper().readTree(r.value()).path("type").asString())
                    .containsExactlyInAnyOrder("chatkit.response.start", "chatkit.error");
            JsonNode error = records.stream().map(ConsumerRecord::value).map(Json.mapper()::readTree)
                    .filter(v -> v.path("type").asString().equals("chatkit.error")).findFirst().orElseThrow();
            assertThat(error.path("message").asString()).isEqualTo("model timed out");
            assertThat(error.path("userId").asString()).isEqualTo(user);
        }
    }

    @Test
    void switchThemeAppliesAtOnceAndIsRemembered() {
        browser.open(url("/"));
        browser.script("localStorage.setItem('breakdown.theme', 'light')");
        browser.open(url("/"));
        assertThat(lastOptions().path("theme").path("colorScheme").asString()).isEqualTo("light");
        long calls = (Long) browser.script("return document.getElementById('chatkit').optionsLog.length");

        Object answer = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const e = document.getElementById('chatkit');"
                + "e.optionsLog[e.optionsLog.length - 1].onClientTool({name: 'switch_theme', params: {theme: 'dark'}})"
                + ".then(r => done(JSON.stringify(r)));");

        assertThat(answer).isEqualTo("{\"success\":true}");
        assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo("dark");
        assertThat(browser.script("return localStorage.getItem('breakdown.theme')")).isEqualTo("dark");
        assertThat((Long) browser.script("return document.getElementById('chatkit').optionsLog.length")).isEqualTo(calls + 1);
        JsonNode options = lastOptions();
        assertThat(options.path("theme").path("colorScheme").asString()).isEqualTo("dark");
        assertThat(options.path("theme").path("color").path("accent").path("primary").asString()).isEqualTo("#f1f5f9");
        assertThat(options.path("api").path("url").asString()).as("setOptions gets the full set").isEqualTo("/chatkit");

        browser.open(url("/"));
        assertThat(lastOptions().path("theme").path("colorScheme").asString()).isEqualTo("dark");
        browser.script("localStorage.clear()");
    }

    @Test
    void modelNoticeFitsAPhoneScreen() {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.open(url("/"));
            By notice = By.cssSelector("[data-kind='configuration']");
            String text = browser.await(Duration.ofSeconds(5), d -> d.findElement(notice).getText());

            assertThat(text).contains("OPENAI_API_KEY", "OPENAI_BASE_URL=https://api.openai.com/v1");
            // A long URL or variable must wrap: nothing of the notice may be cut off at the screen's edge.
            Object overflow = browser.script("const n = arguments[0]; return n.scrollWidth - n.clientWidth;",
                    browser.driver().findElement(notice));
            assertThat(((Number) overflow).intValue()).as("pixels of the notice cut off").isLessThanOrEqualTo(0);
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Test
    void recordFactIsReportedOncePerIdAndThread() {
        browser.open(url("/"));
        lastOptions();
        String user = UUID.randomUUID().toString();
        browser.driver().manage().addCookie(new org.openqa.selenium.Cookie("chatkit_session_id", user));

        try (TopicReader telemetry = new TopicReader(broker, "chatkit_telemetry")) {
            browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "const e = document.getElementById('chatkit'); const tool = e.optionsLog[e.optionsLog.length - 1].onClientTool;"
                    + "e.dispatchEvent(new CustomEvent('chatkit.thread.change', {detail: {threadId: 'thr_a'}}));"
                    + "Promise.all([tool({name: 'record_fact', params: {fact_id: 'f1', fact_text: 'Alice owns checkout'}}),"
                    + " tool({name: 'record_fact', params: {fact_id: 'f1', fact_text: 'Alice owns checkout'}})]).then(done);");

            var facts = telemetry.recordsFor(user, 3, Duration.ofSeconds(4)).stream().map(r -> Json.mapper().readTree(r.value()))
                    .filter(v -> "record_fact".equals(v.path("name").asString())).toList();
            assertThat(facts).hasSize(1);
            assertThat(facts.get(0).path("fact_text").asString()).isEqualTo("Alice owns checkout");
            assertThat(facts.get(0).path("thread_id").asString()).isEqualTo("thr_a");
        }
    }

    @Test
    void publishedActionAppearsOnTheActivityViewAndMovesTheRiskChart() throws Exception {
        browser.open(url("/activity"));
        browser.await(Duration.ofSeconds(10), d -> d.findElement(By.id("stream-status")).getText().contains("live"));
        String project = "proj-" + UUID.randomUUID().toString().substring(0, 8);
        ActionEvent action = new ActionEvent(UUID.randomUUID().toString(), project, "schedule_unblocker", "owner:alice",
                "Overdue issue", "https://github.com/acme/checkout/issues/9", UUID.randomUUID().toString(),
                "overdue-unblocker", Instant.now());
        String meeting = UUID.randomUUID().toString();
        OutcomeEvent outcome = new OutcomeEvent(UUID.randomUUID().toString(), project, -0.2, true, action.eventId(),
                action.action(), meeting, Instant.now());

        kafka.send("actions", "github:acme/checkout#9", Json.mapper().writeValueAsString(action)).get();
        kafka.send("outcomes", "github:acme/checkout#9", Json.mapper().writeValueAsString(outcome)).get();
        By row = By.cssSelector("tr[data-action-id='" + action.eventId() + "']");
        // generous waits: the row is pushed at once, but CI machines can be loaded; the chart redraws at most twice a second
        browser.await(Duration.ofSeconds(10), d -> d.findElement(row).getText().contains("done"));
        browser.await(Duration.ofSeconds(10), d -> d.findElement(By.cssSelector(".u-legend")).getText().contains(project));

        String text = browser.driver().findElement(row).getText();
        assertThat(text).contains(project).contains("schedule_unblocker").contains("owner:alice")
                .contains("overdue-unblocker").contains("risk -0.20");
        assertThat(browser.driver().findElement(row).findElement(By.linkText("meeting (.ics)")).getAttribute("href"))
                .isEqualTo("http://localhost:7300/api/meetings/" + meeting + ".ics");
        assertThat(browser.driver().findElement(By.id("counts")).getText()).contains("schedule_unblocker");

        browser.screenshot("activity", 1280, 900);
        browser.screenshot("activity", 390, 844);
        browser.open(url("/"));
        lastOptions();
        browser.await(Duration.ofSeconds(5), d -> d.findElement(By.id("feed")).getText().contains("schedule_unblocker"));
        browser.screenshot("chat", 1280, 900);
        browser.screenshot("chat", 390, 844);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
}

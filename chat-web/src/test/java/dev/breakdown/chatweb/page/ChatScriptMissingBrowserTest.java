package dev.breakdown.chatweb.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.chatweb.support.Browser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The real ChatKit script URL, unreachable here as it is behind a closed network: the page says so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1)
class ChatScriptMissingBrowserTest {
    @LocalServerPort
    int port;

    @Test
    void pageNamesTheScriptUrlWithinSixSecondsAndTheActivityStaysUsable() {
        try (Browser browser = Browser.start()) {
            long start = System.nanoTime();
            browser.open("http://localhost:" + port + "/");

            String notice = browser.await(Duration.ofSeconds(6), d -> {
                var found = d.findElements(By.cssSelector("[data-kind='script']"));
                return found.isEmpty() ? null : found.get(0).getText();
            });

            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(6_000);
            assertThat(notice).contains("https://cdn.platform.openai.com/deployments/chatkit/chatkit.js")
                    .contains("could not be loaded");
            assertThat(browser.driver().findElement(By.linkText("Activity")).isDisplayed()).isTrue();
            browser.screenshot("chat-without-script", 1280, 900);
        }
    }
}

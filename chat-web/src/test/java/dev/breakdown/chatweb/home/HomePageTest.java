package dev.breakdown.chatweb.home;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest(properties = "breakdown.chat-web.links.webhook=https://hooks.example.test")
@AutoConfigureMockMvc
class HomePageTest {
    @Autowired
    MockMvcTester mvc;

    @Test
    void homePageSaysWhatBreakdownIsAndWhereWebhooksGo() {
        var result = mvc.get().uri("/").exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(result).bodyText()
                .contains("<title>Breakdown — automated project coordination</title>")
                .contains("P0 bugs are escalated to the platform team")
                .contains("https://hooks.example.test");
    }

    @Test
    void stylesheetIsServed() {
        assertThat(mvc.get().uri("/breakdown.css").exchange()).hasStatusOk();
    }
}

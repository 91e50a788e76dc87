package dev.breakdown.chatweb.home;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the other services answer, shown on the page so a newcomer can find them. */
@ConfigurationProperties("breakdown.chat-web.links")
record ChatWebLinks(
        @DefaultValue("http://localhost:7000") String webhook,
        @DefaultValue("http://localhost:7300/api") String calendar,
        @DefaultValue("http://localhost:8000/run") String agent) {
}

package dev.breakdown.chatweb.page;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where a meeting's iCalendar file is published (CALENDAR_PUBLIC_URL), for the activity view's links. */
@ConfigurationProperties("breakdown.chat-web.links")
@Validated
record ActivityLinks(
        @DefaultValue("http://localhost:7300") @NotBlank(message = "must not be blank: CALENDAR_PUBLIC_URL") String calendarPublicUrl) {
}

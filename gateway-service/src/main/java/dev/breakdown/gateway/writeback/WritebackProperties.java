package dev.breakdown.gateway.writeback;

import dev.breakdown.gateway.HttpUrl;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Write-back settings ({@code breakdown.writeback}): WRITEBACK_MODE, WRITEBACK_LIVE_PROJECTS,
 * WRITEBACK_ESCALATION_LABEL and CALENDAR_PUBLIC_URL (the base of the ICS links in unblocker comments).
 * The mode is text, so a wrong value can be reported naming the variable.
 */
@ConfigurationProperties("breakdown.writeback")
@Validated
public record WritebackProperties(
        @DefaultValue("dry-run") String mode,
        List<String> liveProjects,
        @DefaultValue("escalated")
        @NotBlank(message = "must not be blank: WRITEBACK_ESCALATION_LABEL, the label escalate_owner adds (default escalated)")
        String escalationLabel,
        @HttpUrl(message = "must be an absolute http(s) URL: check CALENDAR_PUBLIC_URL, e.g. https://calendar.example.com")
        String calendarPublicUrl) {

    public static final String DRY_RUN = "dry-run";
    public static final String LIVE = "live";

    public WritebackProperties {
        mode = mode == null || mode.isBlank() ? DRY_RUN : mode.strip().toLowerCase(Locale.ROOT);
        liveProjects = liveProjects == null ? List.of()
                : liveProjects.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        escalationLabel = escalationLabel == null ? null : escalationLabel.strip();
        calendarPublicUrl = calendarPublicUrl == null || calendarPublicUrl.isBlank() ? null : calendarPublicUrl.strip();
    }

    @AssertTrue(message = "WRITEBACK_MODE must be dry-run (the default: describe the requests, send nothing) or live")
    public boolean isModeKnown() {
        return DRY_RUN.equals(mode) || LIVE.equals(mode);
    }

    public boolean isLiveMode() {
        return LIVE.equals(mode);
    }

    /** True when requests for this project are sent: live mode, and the project listed (or no list: all). */
    public boolean isLiveFor(String projectId) {
        return isLiveMode() && (liveProjects.isEmpty() || liveProjects.contains(projectId));
    }

    /** One line for the start log and /actuator/info. */
    public String describe() {
        if (!isLiveMode()) {
            return "dry-run (requests are described in outcomes and the log, nothing is sent)";
        }
        return liveProjects.isEmpty() ? "live for all projects" : "live for projects " + String.join(", ", liveProjects)
                + ", dry-run for the others";
    }
}

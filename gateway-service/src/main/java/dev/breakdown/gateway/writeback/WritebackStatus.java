package dev.breakdown.gateway.writeback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Says at start and in /actuator/info ({@code writeback}) whether Breakdown writes to GitHub and Jira, and stops
 * the start when live mode has nothing to write with.
 */
@Component
public class WritebackStatus implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(WritebackStatus.class);

    private final WritebackProperties properties;
    private final List<IssueTracker> trackers;

    public WritebackStatus(WritebackProperties properties, List<IssueTracker> trackers) {
        this.properties = properties;
        this.trackers = trackers;
        if (properties.isLiveMode() && trackers.stream().allMatch(t -> t.missingConfiguration().isPresent())) {
            throw new IllegalStateException("WRITEBACK_MODE=live, but no tracker is configured: "
                    + String.join("; ", trackers.stream().map(t -> "for " + t.source() + ", "
                    + t.missingConfiguration().orElseThrow()).toList()) + " (or set WRITEBACK_MODE=dry-run)");
        }
        log.info("write-back: {}; {}", properties.describe(), String.join(", ", trackers.stream()
                .map(t -> t.source() + (t.missingConfiguration().isPresent() ? " not configured" : " configured")).toList()));
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("mode", properties.mode());
        detail.put("live_projects", properties.liveProjects().isEmpty() && properties.isLiveMode() ? List.of("*")
                : properties.liveProjects());
        detail.put("escalation_label", properties.escalationLabel());
        trackers.forEach(t -> detail.put(t.source(), t.missingConfiguration().isPresent() ? "not configured" : "configured"));
        builder.withDetail("writeback", detail);
    }
}

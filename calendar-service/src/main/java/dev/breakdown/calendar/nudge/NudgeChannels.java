package dev.breakdown.calendar.nudge;

import dev.breakdown.calendar.CalendarProperties;
import dev.breakdown.platform.directory.Person;
import dev.breakdown.platform.directory.Team;
import dev.breakdown.platform.directory.TeamDirectory;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where a nudge goes: the target's own Slack-compatible incoming webhook from the team directory (a person's, or a
 * team's channel), else NUDGE_SLACK_WEBHOOK_URL, else nowhere (the nudge is only stored).
 */
@Component
public class NudgeChannels {

    /** A channel by a name that can be shown, and its webhook URL, which cannot (it is the credential). */
    public record Channel(String name, URI webhook) {
    }

    private final TeamDirectory directory;
    private final Optional<URI> defaultWebhook;

    public NudgeChannels(TeamDirectory directory, CalendarProperties properties) {
        this.directory = directory;
        this.defaultWebhook = properties.nudges().defaultWebhook();
    }

    public Optional<Channel> of(String to) {
        Optional<URI> own = Optional.empty();
        if (to.startsWith("team:")) {
            own = directory.team(to.substring("team:".length()).strip()).flatMap(Team::slackWebhook);
        } else {
            String id = to.startsWith("owner:") ? to.substring("owner:".length()).strip() : to;
            own = directory.person(id).flatMap(Person::slackWebhook);
        }
        if (own.isPresent()) {
            return Optional.of(new Channel("slack:" + (to.startsWith("team:") || to.startsWith("owner:") ? to : "owner:" + to),
                    own.get()));
        }
        return defaultWebhook.map(url -> new Channel("slack:default", url));
    }
}

package dev.breakdown.calendar.ics;

import dev.breakdown.calendar.CalendarProperties;
import dev.breakdown.calendar.meeting.MeetingQuery;
import dev.breakdown.calendar.meeting.MeetingScheduler;
import dev.breakdown.calendar.meeting.StoredMeeting;
import dev.breakdown.calendar.web.FeedTokenException;
import dev.breakdown.calendar.web.NotFoundException;
import dev.breakdown.platform.directory.Person;
import dev.breakdown.platform.directory.Team;
import dev.breakdown.platform.directory.TeamDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscribable calendars: a person's meetings ({@code alice.ics}) and a team's ({@code team/triage.ics}: the team's
 * own meetings and its members'). Cancelled meetings stay in the feed as STATUS:CANCELLED so subscribers drop them.
 * With CALENDAR_FEED_TOKEN set, a feed needs {@code ?token=}: the link itself is the secret, as with Google's
 * secret address, because calendar apps cannot send other credentials.
 */
@RestController
@RequestMapping("/api/calendars")
class FeedController {

    /** How far back a feed reaches; older meetings are history, not plans. */
    static final Duration PAST = Duration.ofDays(90);
    static final int MAX_EVENTS = 1000;

    private final MeetingScheduler meetings;
    private final TeamDirectory directory;
    private final IcsCalendar ics;
    private final Optional<String> token;
    private final Clock clock;

    FeedController(MeetingScheduler meetings, TeamDirectory directory, IcsCalendar ics, CalendarProperties properties,
                   Clock clock) {
        this.meetings = meetings;
        this.directory = directory;
        this.ics = ics;
        this.token = properties.feedTokenIfSet();
        this.clock = clock;
    }

    @GetMapping("/{person}.ics")
    ResponseEntity<String> person(@PathVariable String person, @RequestParam(required = false) String token) {
        checkToken(token);
        Person who = directory.personOrDefault(person);
        List<StoredMeeting> found = feed(Set.of(person, "owner:" + person), Set.of(person));
        if (directory.person(person).isEmpty() && found.isEmpty()) {
            throw new NotFoundException("No person '" + person + "' in the team directory and no meetings with them");
        }
        return IcsCalendar.answer(person + ".ics", ics.render("Breakdown: " + who.name(), found));
    }

    @GetMapping("/team/{team}.ics")
    ResponseEntity<String> team(@PathVariable String team, @RequestParam(required = false) String token) {
        checkToken(token);
        Optional<Team> known = directory.team(team);
        Set<String> people = new LinkedHashSet<>(known.map(Team::members).orElse(List.of()));
        List<StoredMeeting> found = feed(Set.of("team:" + team), people);
        if (known.isEmpty() && found.isEmpty()) {
            throw new NotFoundException("No team '" + team + "' in the team directory and no meetings with it; teams: "
                    + String.join(", ", directory.teams().keySet()));
        }
        return IcsCalendar.answer("team-" + team + ".ics", ics.render("Breakdown: team " + team, found));
    }

    private List<StoredMeeting> feed(Set<String> participants, Set<String> people) {
        return meetings.find(new MeetingQuery(participants, people, clock.instant().minus(PAST), null, null, null,
                MAX_EVENTS));
    }

    private void checkToken(String given) {
        if (token.isEmpty()) {
            return;
        }
        if (given == null || given.isEmpty()) {
            throw new FeedTokenException("This calendar feed needs ?token= with the feed token (CALENDAR_FEED_TOKEN)");
        }
        // constant-time, so the token cannot be guessed one character at a time
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8))) {
            throw new FeedTokenException("The feed token is wrong; ask for the calendar's subscription link");
        }
    }
}

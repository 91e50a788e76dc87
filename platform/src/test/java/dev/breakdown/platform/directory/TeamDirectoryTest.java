package dev.breakdown.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamDirectoryTest {

    private static final String FULL = """
            defaults:
              zone: America/New_York
              hours: "08:30-16:30"
              days: [mon, tue, wed, thu]
            people:
              alice:
                name: Alice Liddell
                github: alice-gh
                jira: 5b10ac8d82e05b22cc7d4ef5
                email: alice@example.com
                zone: Europe/Berlin
                hours: "09:00-17:00"
                days: mon-fri
                slack: https://hooks.slack.com/services/T000/B000/XXXX
                out_of_office:
                  - {from: 2026-12-24, to: 2027-01-02}
              bob:
                zone: Asia/Tokyo
              carol:
            teams:
              platform:
                github: acme/platform-team
                slack: https://hooks.slack.com/services/T000/B000/YYYY
                members: [bob, carol, erin]
              frontend:
                members: [alice]
              empty:
            """;

    private final TeamDirectory directory = TeamDirectory.read(FULL, "teams.yml");

    @Test
    void readsEveryFieldOfAPerson() {
        Person alice = directory.person("alice").orElseThrow();
        assertThat(alice).isEqualTo(new Person("alice", "Alice Liddell", "alice-gh",
                Optional.of("5b10ac8d82e05b22cc7d4ef5"), Optional.of("alice@example.com"), ZoneId.of("Europe/Berlin"),
                LocalTime.of(9, 0), LocalTime.of(17, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                List.of(new Person.Absence(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 2))),
                Optional.of(URI.create("https://hooks.slack.com/services/T000/B000/XXXX"))));
    }

    @Test
    void fieldsLeftOutComeFromDefaultsAndTheId() {
        Person bob = directory.person("bob").orElseThrow();
        assertThat(bob.name()).isEqualTo("bob");
        assertThat(bob.githubLogin()).isEqualTo("bob");
        assertThat(bob.jiraAccountId()).isEmpty();
        assertThat(bob.email()).isEmpty();
        assertThat(bob.slackWebhook()).isEmpty();
        assertThat(bob.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(bob.workStart()).isEqualTo(LocalTime.of(8, 30));
        assertThat(bob.workEnd()).isEqualTo(LocalTime.of(16, 30));
        assertThat(bob.workDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        assertThat(directory.person("carol").orElseThrow().zone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void withoutDefaultsEveryoneWorksNineToFiveMondayToFridayUtc() {
        Person dana = TeamDirectory.read("people:\n  dana:\n", "t.yml").person("dana").orElseThrow();
        assertThat(dana.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(dana.workStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(dana.workEnd()).isEqualTo(LocalTime.of(17, 0));
        assertThat(dana.workDays()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    @Test
    void readsTeamsInFileOrder() {
        assertThat(directory.teams().keySet()).containsExactly("platform", "frontend", "empty");
        Team platform = directory.team("platform").orElseThrow();
        assertThat(platform).isEqualTo(new Team("platform", Optional.of("acme/platform-team"),
                List.of("bob", "carol", "erin"),
                Optional.of(URI.create("https://hooks.slack.com/services/T000/B000/YYYY"))));
        assertThat(directory.team("empty").orElseThrow().members()).isEmpty();
        assertThat(directory.team("nope")).isEmpty();
    }

    @Test
    void resolvesOwnerTargets() {
        assertThat(directory.resolve("owner:alice")).extracting(Person::githubLogin).containsExactly("alice-gh");
        Person stranger = directory.resolve("owner:zed").get(0);
        assertThat(stranger.id()).isEqualTo("zed");
        assertThat(stranger.githubLogin()).isEqualTo("zed");
        assertThat(stranger.jiraAccountId()).isEmpty();
        assertThat(stranger.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(stranger.workStart()).isEqualTo(LocalTime.of(8, 30));
    }

    @Test
    void resolvesTeamTargetsToMembersWithDefaultsForUnlistedOnes() {
        List<Person> platform = directory.resolve("team:platform");
        assertThat(platform).extracting(Person::id).containsExactly("bob", "carol", "erin");
        assertThat(platform.get(0).zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(platform.get(2)).isEqualTo(directory.personOrDefault("erin"));
        assertThat(directory.resolve("team:empty")).isEmpty();
    }

    @Test
    void refusesUnknownTeamsAndOtherTargets() {
        assertThatThrownBy(() -> directory.resolve("team:backend")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown team 'backend' in target 'team:backend'; teams in teams.yml: platform, frontend, empty");
        assertThatThrownBy(() -> directory.resolve("alice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target 'alice' must be owner:<person id> or team:<team name>");
        assertThatThrownBy(() -> directory.resolve("owner:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.resolve(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingHoursAreLocalToEachPersonsZone() {
        Person alice = directory.person("alice").orElseThrow(); // Berlin, 09-17, CET = UTC+1 in March
        Person bob = directory.person("bob").orElseThrow();     // Tokyo, 08:30-16:30, UTC+9, mon-thu
        Instant tuesday0830utc = Instant.parse("2026-03-10T08:30:00Z"); // 09:30 Berlin, 17:30 Tokyo
        assertThat(alice.isWorkingAt(tuesday0830utc)).isTrue();
        assertThat(bob.isWorkingAt(tuesday0830utc)).isFalse();
        Instant tuesday0000utc = Instant.parse("2026-03-10T00:00:00Z"); // 01:00 Berlin, 09:00 Tokyo
        assertThat(alice.isWorkingAt(tuesday0000utc)).isFalse();
        assertThat(bob.isWorkingAt(tuesday0000utc)).isTrue();
        // Thursday 23:30 UTC is Friday 08:30 in Tokyo: Bob does not work Fridays
        assertThat(bob.isWorkingAt(Instant.parse("2026-03-12T23:30:00Z"))).isFalse();
    }

    @Test
    void anIntervalMustFitInsideOneWorkingDay() {
        Person alice = directory.person("alice").orElseThrow();
        Instant start = Instant.parse("2026-03-10T15:30:00Z"); // 16:30 Berlin
        assertThat(alice.isWorking(start, start.plusSeconds(30 * 60))).isTrue();   // ends 17:00 exactly
        assertThat(alice.isWorking(start, start.plusSeconds(31 * 60))).isFalse();  // ends 17:01
        assertThat(alice.isWorking(start.minusSeconds(8 * 3600), start)).isFalse(); // starts 08:30
        assertThat(alice.isWorking(Instant.parse("2026-03-10T16:00:00Z"), Instant.parse("2026-03-10T16:00:00Z")))
                .as("the moment the day ends").isFalse();
        assertThat(alice.isWorking(start, start.minusSeconds(60))).as("end before start").isFalse();
        // Saturday 10:00-11:00 in Berlin
        assertThat(alice.isWorking(Instant.parse("2026-03-14T09:00:00Z"), Instant.parse("2026-03-14T10:00:00Z")))
                .isFalse();
    }

    @Test
    void outOfOfficeDatesAreInclusiveAndInThePersonsZone() {
        Person alice = directory.person("alice").orElseThrow();
        assertThat(alice.isAway(LocalDate.of(2026, 12, 23))).isFalse();
        assertThat(alice.isAway(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(alice.isAway(LocalDate.of(2027, 1, 2))).isTrue();
        assertThat(alice.isAway(LocalDate.of(2027, 1, 3))).isFalse();
        // 23:30 UTC on Dec 23 is already Dec 24 in Berlin
        assertThat(alice.isAwayAt(Instant.parse("2026-12-23T23:30:00Z"))).isTrue();
        assertThat(alice.isAwayAt(Instant.parse("2026-12-23T22:30:00Z"))).isFalse();
        // Monday 2026-12-28 10:00 Berlin is a working day and hour, but she is away
        assertThat(alice.isWorking(Instant.parse("2026-12-28T09:00:00Z"), Instant.parse("2026-12-28T10:00:00Z")))
                .isFalse();
        assertThat(alice.isWorking(Instant.parse("2027-01-04T09:00:00Z"), Instant.parse("2027-01-04T10:00:00Z")))
                .isTrue();
    }

    @Test
    void daysAcceptRangesListsAndWrapOverTheWeekend() {
        TeamDirectory days = TeamDirectory.read("""
                people:
                  a: {days: fri-mon}
                  b: {days: [mon, wed-thu, Sunday]}
                  c: {days: tue}
                """, "d.yml");
        assertThat(days.person("a").orElseThrow().workDays()).containsExactlyInAnyOrder(DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(days.person("b").orElseThrow().workDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.SUNDAY);
        assertThat(days.person("c").orElseThrow().workDays()).containsExactly(DayOfWeek.TUESDAY);
    }

    @Test
    void shippedDirectoryHoldsTheDefaultPolicyTeams() {
        TeamDirectory shipped = TeamDirectory.shipped();
        assertThat(shipped.teams().keySet()).containsExactly("platform", "frontend", "triage");
        assertThat(shipped.resolve("team:frontend")).extracting(Person::id).containsExactly("alice");
        assertThat(shipped.resolve("team:platform")).isEmpty();
        assertThat(shipped.resolve("team:triage")).isEmpty();
        Person alice = shipped.personOrDefault("alice");
        assertThat(alice.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(alice.workStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(alice.workEnd()).isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void loadsFromDiskClasspathOrTheShippedDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("teams.yml");
        Files.writeString(file, "teams:\n  ops:\n    members: [olga]\n");
        assertThat(TeamDirectory.read(file).teams().keySet()).containsExactly("ops");
        assertThat(TeamDirectory.load(file.toString()).teams().keySet()).containsExactly("ops");
        assertThat(TeamDirectory.load("file:" + file).teams().keySet()).containsExactly("ops");
        assertThat(TeamDirectory.load("classpath:breakdown/teams.yml").teams().keySet())
                .containsExactly("platform", "frontend", "triage");
        assertThat(TeamDirectory.load(" ")).isSameAs(TeamDirectory.shipped());
    }

    @Test
    void theSampleShowsEveryFieldAndIsValid() {
        Path sample = Path.of("..", "samples", "teams.yml");
        TeamDirectory read = TeamDirectory.read(sample);
        assertThat(read.people()).isNotEmpty();
        assertThat(read.people().values()).anySatisfy(p -> {
            assertThat(p.jiraAccountId()).isPresent();
            assertThat(p.email()).isPresent();
            assertThat(p.slackWebhook()).isPresent();
            assertThat(p.outOfOffice()).isNotEmpty();
        });
        assertThat(read.teams().values()).anySatisfy(t -> {
            assertThat(t.githubTeam()).isPresent();
            assertThat(t.slackWebhook()).isPresent();
        });
    }
}

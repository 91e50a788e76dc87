package dev.breakdown.platform.directory;

import dev.breakdown.platform.directory.DirectoryException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people and teams every service shares (the file named by {@code BREAKDOWN_TEAMS_FILE}; format in
 * platform/README.md). Immutable; read it with {@link #read(Path)} or take the {@link #shipped()} default.
 */
public final class TeamDirectory {

    /** The classpath resource holding the directory used when no file is configured. */
    public static final String SHIPPED = "breakdown/teams.yml";

    private static final String OWNER = "owner:";
    private static final String TEAM = "team:";
    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    private final String source;
    private final DirectoryReader.Defaults defaults;
    private final Map<String, Person> people;
    private final Map<String, Team> teams;

    TeamDirectory(String source, DirectoryReader.Defaults defaults, Map<String, Person> people, Map<String, Team> teams) {
        this.source = source;
        this.defaults = defaults;
        this.people = Collections.unmodifiableMap(new LinkedHashMap<>(people));
        this.teams = Collections.unmodifiableMap(new LinkedHashMap<>(teams));
    }

    /** @throws DirectoryException when the file cannot be read or is not a valid directory (every problem listed) */
    public static TeamDirectory read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
            throw new DirectoryException(List.of(new Problem(file.toString(), 1, 1, "cannot read the file: " + why)));
        }
        return read(text, file.toString());
    }

    /** @param sourceName the name problems are reported under, usually the file's path */
    public static TeamDirectory read(String yamlText, String sourceName) {
        return DirectoryReader.read(yamlText, sourceName);
    }

    /**
     * The directory at {@code location}: a path on disk (optionally {@code file:}), a {@code classpath:} resource,
     * or blank for the {@link #shipped()} default.
     */
    public static TeamDirectory load(String location) {
        if (location == null || location.isBlank()) {
            return shipped();
        }
        String trimmed = location.trim();
        if (trimmed.startsWith(CLASSPATH)) {
            return resource(trimmed.substring(CLASSPATH.length()).replaceFirst("^/", ""));
        }
        return read(Path.of(trimmed.startsWith(FILE) ? trimmed.substring(FILE.length()) : trimmed));
    }

    /** The directory shipped inside the platform jar ({@value #SHIPPED}). */
    public static TeamDirectory shipped() {
        return Shipped.DIRECTORY;
    }

    /** Where the directory was read from, as problems name it. */
    public String source() {
        return source;
    }

    public Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    public Optional<Team> team(String name) {
        return Optional.ofNullable(teams.get(name));
    }

    /** Everyone under {@code people:}, in file order. */
    public Map<String, Person> people() {
        return people;
    }

    /** Every team, in file order. */
    public Map<String, Team> teams() {
        return teams;
    }

    /** The person, or someone the file does not list: the defaults, GitHub login = id, no Jira account. */
    public Person personOrDefault(String id) {
        Person known = people.get(id);
        return known != null ? known : new Person(id, id, id, Optional.empty(), Optional.empty(), defaults.zone(),
                defaults.start(), defaults.end(), defaults.days(), List.of(), Optional.empty());
    }

    /** A team's members as persons, in the team's order. */
    public List<Person> members(Team team) {
        return team.members().stream().map(this::personOrDefault).toList();
    }

    /**
     * The people a target means: {@code owner:alice} is alice (with the defaults when not listed),
     * {@code team:triage} the team's members.
     *
     * @throws IllegalArgumentException for an unknown team or a target of another form
     */
    public List<Person> resolve(String target) {
        if (target != null && target.startsWith(OWNER) && !target.substring(OWNER.length()).isBlank()) {
            return List.of(personOrDefault(target.substring(OWNER.length()).trim()));
        }
        if (target != null && target.startsWith(TEAM)) {
            String name = target.substring(TEAM.length()).trim();
            Team team = teams.get(name);
            if (team == null) {
                throw new IllegalArgumentException("unknown team '" + name + "' in target '" + target + "'; teams in "
                        + source + ": " + (teams.isEmpty() ? "none" : String.join(", ", teams.keySet())));
            }
            return members(team);
        }
        throw new IllegalArgumentException("target '" + target + "' must be owner:<person id> or team:<team name>");
    }

    @Override
    public String toString() {
        return "TeamDirectory[" + source + ": " + people.size() + " people, teams " + teams.keySet() + "]";
    }

    private static TeamDirectory resource(String name) {
        try (InputStream in = TeamDirectory.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new DirectoryException(List.of(new Problem(CLASSPATH + name, 1, 1,
                        "cannot read the file: no such resource inside the application")));
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), CLASSPATH + name);
        } catch (IOException e) {
            throw new DirectoryException(List.of(new Problem(CLASSPATH + name, 1, 1,
                    "cannot read the file: " + e.getMessage())));
        }
    }

    /** Read once, on first use. */
    private static final class Shipped {
        static final TeamDirectory DIRECTORY = resource(SHIPPED);
    }
}

package dev.breakdown.platform.directory;

import dev.breakdown.platform.directory.DirectoryException.Problem;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the directory file from SnakeYAML's node tree (which keeps every value's position). Every check
 * reports to the problem list and goes on, so one read lists all problems with their line and column.
 */
final class DirectoryReader {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");
    static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
    static final LocalTime DEFAULT_END = LocalTime.of(17, 0);
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static final Set<String> TOP_KEYS = Set.of("defaults", "people", "teams");
    private static final Set<String> DEFAULT_KEYS = Set.of("zone", "hours", "days");
    private static final Set<String> PERSON_KEYS = Set.of("name", "github", "jira", "email", "zone", "hours", "days",
            "slack", "out_of_office");
    private static final Set<String> TEAM_KEYS = Set.of("github", "slack", "members");
    private static final Set<String> ABSENCE_KEYS = Set.of("from", "to");
    private static final Pattern GITHUB_LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern GITHUB_TEAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern ID = Pattern.compile("[^\\s:]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    private DirectoryReader(String source) {
        this.source = source;
    }

    /** @throws DirectoryException listing every problem of the text */
    static TeamDirectory read(String text, String source) {
        DirectoryReader reader = new DirectoryReader(source);
        TeamDirectory directory = reader.directory(text);
        if (!reader.problems.isEmpty()) {
            throw new DirectoryException(reader.problems);
        }
        return directory;
    }

    private TeamDirectory directory(String text) {
        Optional<Node> root = compose(text);
        Map<String, Entry> top = root.flatMap(r -> mapping(r, "the file", TOP_KEYS)).orElse(Map.of());
        Defaults defaults = Optional.ofNullable(top.get("defaults")).filter(e -> !isNull(e.value()))
                .flatMap(e -> mapping(e.value(), "defaults", DEFAULT_KEYS))
                .map(this::defaults).orElse(Defaults.BUILT_IN);
        Map<String, Person> people = new LinkedHashMap<>();
        Optional.ofNullable(top.get("people")).filter(e -> !isNull(e.value()))
                .flatMap(e -> mapping(e.value(), "people", Set.of()))
                .ifPresent(entries -> entries.forEach((id, e) -> {
                    requireId(id, e.key(), "person id");
                    people.put(id, person(id, e.value(), defaults));
                }));
        Map<String, Team> teams = new LinkedHashMap<>();
        Optional.ofNullable(top.get("teams")).filter(e -> !isNull(e.value()))
                .flatMap(e -> mapping(e.value(), "teams", Set.of()))
                .ifPresent(entries -> entries.forEach((name, e) -> {
                    requireId(name, e.key(), "team name");
                    teams.put(name, team(name, e.value()));
                }));
        return new TeamDirectory(source, defaults, people, teams);
    }

    private Optional<Node> compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported below with the duplicate's own position
        options.setMaxAliasesForCollections(20);
        try {
            Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
            if (root == null) {
                problem(null, "the file is empty; it needs 'people:' and/or 'teams:'");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            problem(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(),
                    "not valid YAML: " + context + e.getProblem());
        } catch (YAMLException e) {
            problem(null, "not valid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    private Defaults defaults(Map<String, Entry> fields) {
        ZoneId zone = get(fields, "zone").flatMap(n -> zone(n, "defaults.zone")).orElse(DEFAULT_ZONE);
        WorkingTime.Hours hours = get(fields, "hours").flatMap(n -> hours(n, "defaults.hours"))
                .orElse(new WorkingTime.Hours(DEFAULT_START, DEFAULT_END));
        Set<DayOfWeek> days = get(fields, "days").flatMap(n -> days(n, "defaults.days")).orElse(WEEKDAYS);
        return new Defaults(zone, hours.start(), hours.end(), days);
    }

    private Person person(String id, Node node, Defaults defaults) {
        String at = "people." + id;
        Map<String, Entry> f = isNull(node) ? Map.of() : mapping(node, at, PERSON_KEYS).orElse(Map.of());
        String name = get(f, "name").flatMap(n -> text(n, at + ".name")).orElse(id);
        String github = get(f, "github").flatMap(n -> matching(n, at + ".github", GITHUB_LOGIN,
                "a GitHub login (letters, digits and '-', without '@')")).orElse(id);
        Optional<String> jira = get(f, "jira").flatMap(n -> text(n, at + ".jira"));
        Optional<String> email = get(f, "email").flatMap(n -> matching(n, at + ".email", EMAIL,
                "an e-mail address such as alice@example.com"));
        ZoneId zone = get(f, "zone").flatMap(n -> zone(n, at + ".zone")).orElse(defaults.zone());
        WorkingTime.Hours hours = get(f, "hours").flatMap(n -> hours(n, at + ".hours"))
                .orElse(new WorkingTime.Hours(defaults.start(), defaults.end()));
        Set<DayOfWeek> days = get(f, "days").flatMap(n -> days(n, at + ".days")).orElse(defaults.days());
        Optional<URI> slack = get(f, "slack").flatMap(n -> webhook(n, at + ".slack"));
        List<Person.Absence> away = get(f, "out_of_office").map(n -> absences(n, at + ".out_of_office"))
                .orElse(List.of());
        return new Person(id, name, github, jira, email, zone, hours.start(), hours.end(), days, away, slack);
    }

    private Team team(String name, Node node) {
        String at = "teams." + name;
        Map<String, Entry> f = isNull(node) ? Map.of() : mapping(node, at, TEAM_KEYS).orElse(Map.of());
        Optional<String> github = get(f, "github").flatMap(n -> matching(n, at + ".github", GITHUB_TEAM,
                "a GitHub team written org/team-slug"));
        Optional<URI> slack = get(f, "slack").flatMap(n -> webhook(n, at + ".slack"));
        Set<String> members = new LinkedHashSet<>();
        get(f, "members").ifPresent(list -> items(list).forEach(item -> text(item, at + ".members").ifPresent(id -> {
            if (!requireId(id, item, at + ".members: person id")) {
                return;
            }
            if (!members.add(id)) {
                problem(item.getStartMark(), at + ".members lists '" + id + "' twice");
            }
        })));
        return new Team(name, github, List.copyOf(members), slack);
    }

    private List<Person.Absence> absences(Node node, String at) {
        List<Person.Absence> away = new ArrayList<>();
        if (!(node instanceof SequenceNode)) {
            problem(node.getStartMark(), at + " must be a list of {from: YYYY-MM-DD, to: YYYY-MM-DD}, got "
                    + describe(node));
            return away;
        }
        for (Node item : items(node)) {
            mapping(item, at + " item", ABSENCE_KEYS).ifPresent(range -> {
                Optional<LocalDate> from = require(range, "from", item, at).flatMap(n -> date(n, at + ".from"));
                Optional<LocalDate> to = require(range, "to", item, at).flatMap(n -> date(n, at + ".to"));
                if (from.isPresent() && to.isPresent()) {
                    if (to.get().isBefore(from.get())) {
                        problem(range.get("to").value().getStartMark(), at + ": 'to' " + to.get()
                                + " is before 'from' " + from.get());
                    } else {
                        away.add(new Person.Absence(from.get(), to.get()));
                    }
                }
            });
        }
        return away;
    }

    private Optional<WorkingTime.Hours> hours(Node node, String at) {
        Optional<String> text = text(node, at);
        Optional<WorkingTime.Hours> hours = text.flatMap(WorkingTime::hours);
        if (text.isPresent() && hours.isEmpty()) {
            problem(node.getStartMark(), at + " must be working hours written \"HH:MM-HH:MM\" with the start first, "
                    + "got '" + text.get() + "'");
        }
        return hours;
    }

    private Optional<Set<DayOfWeek>> days(Node node, String at) {
        List<Node> items = items(node);
        if (items.isEmpty()) {
            problem(node.getStartMark(), at + " must name at least one day, e.g. mon-fri or [mon, tue, thu]");
            return Optional.empty();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        boolean ok = true;
        for (Node item : items) {
            Optional<String> text = text(item, at);
            if (text.isEmpty()) {
                ok = false;
                continue;
            }
            Optional<Set<DayOfWeek>> found = WorkingTime.days(text.get());
            if (found.isEmpty()) {
                problem(item.getStartMark(), at + ": '" + text.get()
                        + "' is not a day; use mon, tue, wed, thu, fri, sat, sun or a range such as mon-fri");
                ok = false;
                continue;
            }
            days.addAll(found.get());
        }
        return ok ? Optional.of(days) : Optional.empty();
    }

    private Optional<ZoneId> zone(Node node, String at) {
        Optional<String> text = text(node, at);
        try {
            return text.map(ZoneId::of);
        } catch (DateTimeException e) {
            problem(node.getStartMark(), at + " is not a time zone: '" + text.get()
                    + "' (use an IANA name such as UTC, Europe/Berlin or America/New_York)");
            return Optional.empty();
        }
    }

    private Optional<LocalDate> date(Node node, String at) {
        Optional<String> text = text(node, at);
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            problem(node.getStartMark(), at + " must be a date written YYYY-MM-DD, got '" + text.get() + "'");
            return Optional.empty();
        }
    }

    private Optional<URI> webhook(Node node, String at) {
        Optional<String> text = text(node, at);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below, with the expected form
        }
        problem(node.getStartMark(), at + " must be an incoming-webhook URL such as "
                + "https://hooks.slack.com/services/..., got '" + text.get() + "'");
        return Optional.empty();
    }

    private Optional<String> matching(Node node, String at, Pattern pattern, String expected) {
        Optional<String> text = text(node, at);
        if (text.isPresent() && !pattern.matcher(text.get()).matches()) {
            problem(node.getStartMark(), at + " must be " + expected + ", got '" + text.get() + "'");
            return Optional.empty();
        }
        return text;
    }

    /** Plain text: any non-blank scalar (numbers and dates read as written). */
    private Optional<String> text(Node node, String at) {
        if (node instanceof ScalarNode scalar && !isNull(node) && !scalar.getValue().isBlank()) {
            return Optional.of(scalar.getValue().trim());
        }
        problem(node.getStartMark(), at + " must be a text value, got " + describe(node));
        return Optional.empty();
    }

    /** The mapping's entries in file order; reports duplicates and, when {@code allowed} is given, unknown keys. */
    private Optional<Map<String, Entry>> mapping(Node node, String at, Set<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            problem(node.getStartMark(), at + " must be a mapping (key: value lines)"
                    + (allowed.isEmpty() ? "" : " with " + String.join(", ", new TreeSet<>(allowed)))
                    + ", got " + describe(node));
            return Optional.empty();
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || isNull(key)) {
                problem(tuple.getKeyNode().getStartMark(), "a key in " + at + " must be plain text");
                continue;
            }
            String name = key.getValue();
            if (entries.containsKey(name)) {
                problem(key.getStartMark(), "duplicate key '" + name + "' in " + at + " (first on line "
                        + (entries.get(name).key().getStartMark().getLine() + 1) + ")");
            } else if (!allowed.isEmpty() && !allowed.contains(name)) {
                problem(key.getStartMark(), "unknown key '" + name + "' in " + at + "; expected one of: "
                        + String.join(", ", new TreeSet<>(allowed)));
            } else {
                entries.put(name, new Entry(key, tuple.getValueNode()));
            }
        }
        return Optional.of(entries);
    }

    /** Ids and names go into targets such as owner:alice and team:web, so they are one word without ':'. */
    private boolean requireId(String id, Node where, String what) {
        if (ID.matcher(id).matches()) {
            return true;
        }
        problem(where.getStartMark(), what + " '" + id + "' must be one word without spaces or ':' "
                + "(it is used in targets such as owner:alice and team:web)");
        return false;
    }

    private Optional<Node> require(Map<String, Entry> fields, String key, Node owner, String at) {
        Optional<Node> value = get(fields, key);
        if (value.isEmpty()) {
            problem(owner.getStartMark(), at + " item needs '" + key + "'");
        }
        return value;
    }

    private static Optional<Node> get(Map<String, Entry> fields, String key) {
        return Optional.ofNullable(fields.get(key)).map(Entry::value);
    }

    /** A sequence's items; a single value counts as a list of one, nothing as an empty list. */
    private static List<Node> items(Node node) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        return isNull(node) ? List.of() : List.of(node);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private void problem(Mark mark, String message) {
        problems.add(mark == null ? new Problem(source, 1, 1, message)
                : new Problem(source, mark.getLine() + 1, mark.getColumn() + 1, message));
    }

    private record Entry(ScalarNode key, Node value) {
    }

    /** What a person gets for each field the file leaves out. */
    record Defaults(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days) {
        static final Defaults BUILT_IN = new Defaults(DEFAULT_ZONE, DEFAULT_START, DEFAULT_END, WEEKDAYS);
    }
}

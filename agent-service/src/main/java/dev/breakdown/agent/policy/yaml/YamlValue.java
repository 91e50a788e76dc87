package dev.breakdown.agent.policy.yaml;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a policy file with its position. Every reader reports what is wrong to {@link Problems}
 * with the node's line and answers empty, so parsing goes on and one run lists every problem.
 */
public final class YamlValue {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|min|h|d|w)");

    private final Node node;
    private final String path;
    private final Problems problems;

    public YamlValue(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    public String path() {
        return path;
    }

    /** The path for "in ..." phrases: the root is "the file". */
    public String where() {
        return path.isEmpty() ? "the file" : path;
    }

    /** The same node under a friendlier name in messages, e.g. {@code rule 'frontend'} for {@code rules[1]}. */
    public YamlValue named(String newPath) {
        return new YamlValue(node, newPath, problems);
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public Problems problems() {
        return problems;
    }

    /** Reports a problem at this node. */
    public void problem(String message) {
        problems.add(node.getStartMark(), message);
    }

    public boolean isNull() {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    /** The mapping's entries; unknown keys are reported when {@code allowed} is not empty. */
    public Optional<Fields> fields(Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problem((path.isEmpty() ? "the file" : path) + " must be a mapping (key: value lines)" + (allowed.isEmpty() ? ""
                    : " with " + String.join(", ", allowed.stream().sorted().toList())) + ", got " + describe());
            return Optional.empty();
        }
        Map<String, YamlValue> entries = new LinkedHashMap<>();
        Map<String, YamlValue> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add(tuple.getKeyNode().getStartMark(), "a key in " + where() + " must be plain text");
                continue;
            }
            String key = keyNode.getValue();
            YamlValue value = new YamlValue(tuple.getValueNode(), path.isEmpty() ? key : path + "." + key, problems);
            if (entries.containsKey(key)) {
                problems.add(keyNode.getStartMark(), "duplicate key '" + key + "' in " + where());
                continue;
            }
            if (!allowed.isEmpty() && !allowed.contains(key)) {
                problems.add(keyNode.getStartMark(), "unknown key '" + key + "' in " + where() + "; expected one of: "
                        + String.join(", ", allowed.stream().sorted().toList()));
                continue;
            }
            entries.put(key, value);
            keys.put(key, new YamlValue(keyNode, value.path, problems));
        }
        return Optional.of(new Fields(this, entries, keys));
    }

    /** A sequence's items; a single value counts as a list of one. */
    public List<YamlValue> items() {
        if (node instanceof SequenceNode sequence) {
            List<YamlValue> items = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                items.add(new YamlValue(sequence.getValue().get(i), path + "[" + i + "]", problems));
            }
            return items;
        }
        return isNull() ? List.of() : List.of(this);
    }

    /** Plain text: any scalar (numbers and booleans read as written). */
    public Optional<String> text() {
        if (isScalar()) {
            String value = ((ScalarNode) node).getValue().trim();
            if (!value.isEmpty()) {
                return Optional.of(value);
            }
        }
        problem(path + " must be a text value, got " + describe());
        return Optional.empty();
    }

    /** One text or a list of texts, each non-blank. */
    public List<String> texts() {
        List<YamlValue> items = items();
        if (items.isEmpty()) {
            problem(path + " must name at least one value");
        }
        List<String> values = new ArrayList<>();
        for (YamlValue item : items) {
            item.text().ifPresent(values::add);
        }
        return values;
    }

    public Optional<Boolean> bool() {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            String value = scalar.getValue().toLowerCase(Locale.ROOT);
            return Optional.of(value.equals("true") || value.equals("yes") || value.equals("on") || value.equals("y"));
        }
        problem(path + " must be true or false, got " + describe());
        return Optional.empty();
    }

    public Optional<Integer> integer(int min, int max) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                int value = Integer.parseInt(scalar.getValue().replace("_", ""));
                if (value >= min && value <= max) {
                    return Optional.of(value);
                }
                problem(path + " must be between " + min + " and " + max + ", got " + value);
                return Optional.empty();
            } catch (NumberFormatException e) {
                // falls through to the type problem
            }
        }
        problem(path + " must be a whole number, got " + describe());
        return Optional.empty();
    }

    /** A length of time written {@code 30s}, {@code 15m}, {@code 1h}, {@code 2d} or {@code 1w}. */
    public Optional<Duration> duration() {
        if (isScalar()) {
            Matcher m = DURATION.matcher(((ScalarNode) node).getValue().trim().toLowerCase(Locale.ROOT));
            if (m.matches() && Long.parseLong(m.group(1)) > 0) {
                long n = Long.parseLong(m.group(1));
                return Optional.of(switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m", "min" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(7 * n);
                });
            }
        }
        problem(path + " must be a positive duration such as 30m, 1h, 2d or 1w, got " + describe());
        return Optional.empty();
    }

    public Optional<Pattern> regex() {
        Optional<String> text = text();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(text.get()));
        } catch (PatternSyntaxException e) {
            problem(path + " is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex()
                    + " of '" + text.get() + "'");
            return Optional.empty();
        }
    }

    public Optional<ZoneId> zone() {
        Optional<String> text = text();
        try {
            return text.map(ZoneId::of);
        } catch (DateTimeException e) {
            problem(path + " is not a time zone: '" + text.get() + "' (use a name such as UTC or Europe/Berlin)");
            return Optional.empty();
        }
    }

    public Optional<LocalDate> date() {
        Optional<String> text = text();
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            problem(path + " must be a date written YYYY-MM-DD, got '" + text.get() + "'");
            return Optional.empty();
        }
    }

    /** What the node is, for "expected X, got Y" messages. */
    public String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull()) {
            return "nothing";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    /** The entries of a mapping, in file order. */
    public record Fields(YamlValue owner, Map<String, YamlValue> entries, Map<String, YamlValue> keys) {

        public Optional<YamlValue> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        /** The value under {@code key}; reports it missing when absent. */
        public Optional<YamlValue> require(String key) {
            YamlValue value = entries.get(key);
            if (value == null) {
                owner.problem(owner.path() + " needs '" + key + "'");
            }
            return Optional.ofNullable(value);
        }

        /** The key's own node, to report problems about the key itself. */
        public YamlValue key(String key) {
            return keys.get(key);
        }
    }
}

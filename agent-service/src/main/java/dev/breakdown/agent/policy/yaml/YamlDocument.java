package dev.breakdown.agent.policy.yaml;

import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads YAML text into position-carrying nodes; syntax errors become problems with their line. */
public final class YamlDocument {

    private YamlDocument() {
    }

    public static Optional<YamlValue> read(String content, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // duplicates are reported by YamlValue with their line
        options.setMaxAliasesForCollections(20);
        try {
            Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(content));
            if (root == null) {
                problems.add(null, "the file is empty; it needs at least 'rules:'");
                return Optional.empty();
            }
            return Optional.of(new YamlValue(root, "", problems));
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            problems.add(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(),
                    "not valid YAML: " + context + e.getProblem());
        } catch (YAMLException e) {
            problems.add(null, "not valid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }
}

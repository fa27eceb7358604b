package dev.plumbline.imageupdater.edit;

import dev.plumbline.imageupdater.edit.ConfigFiles.ConfigFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Values marked by a comment on their line, as in Helm values files: {@code # plumbline:image <repository>} on a
 * value holding the whole reference, {@code # plumbline:image <repository>:tag} on one holding the tag and
 * {@code ...:digest} on one holding the digest. The marker counts only as a comment right after a value (so the
 * text inside a quoted string is no marker), and a whole reference must name the marker's repository.
 */
final class MarkedValues {

    static final String MARK = "plumbline:image";
    private static final Pattern MARKER = Pattern.compile("#[ \\t]*" + Pattern.quote(MARK) + "[ \\t]+(\\S+)");

    private enum Part {
        WHOLE,
        TAG,
        DIGEST
    }

    private MarkedValues() {}

    static List<Site> sites(ConfigFile file, YamlText yaml, List<Node> documents, String repository) {
        List<Site> sites = new ArrayList<>();
        String text = yaml.text();
        if (!text.contains(MARK)) {
            return sites;
        }
        Map<Integer, ScalarNode> valuesByEnd = new HashMap<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node document : documents) {
            collectValues(yaml, document, valuesByEnd, seen);
        }
        Matcher marker = MARKER.matcher(text);
        while (marker.find()) {
            String spec = marker.group(1);
            Part part = spec.endsWith(":tag") ? Part.TAG : spec.endsWith(":digest") ? Part.DIGEST : Part.WHOLE;
            String marked = part == Part.WHOLE ? spec : spec.substring(0, spec.lastIndexOf(':'));
            if (!marked.equals(repository)) {
                continue;
            }
            ScalarNode value = valuesByEnd.get(valueEndBefore(text, marker.start()));
            if (value != null) {
                sites.add(site(file, yaml, value, part, repository));
            }
        }
        return sites;
    }

    /** Where a value would end for the {@code #} at {@code hash} to be a comment after it: spaces or tabs between. */
    private static int valueEndBefore(String text, int hash) {
        int at = hash;
        while (at > 0 && (text.charAt(at - 1) == ' ' || text.charAt(at - 1) == '\t')) {
            at--;
        }
        return at == hash ? -1 : at;
    }

    private static void collectValues(YamlText yaml, Node node, Map<Integer, ScalarNode> byEnd, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        List<Node> values = new ArrayList<>();
        if (node instanceof MappingNode mapping) {
            mapping.getValue().stream().map(NodeTuple::getValueNode).forEach(values::add);
        } else if (node instanceof SequenceNode sequence) {
            values.addAll(sequence.getValue());
        }
        for (Node value : values) {
            if (value instanceof ScalarNode scalar) {
                byEnd.put(yaml.valueEnd(scalar), scalar);
            } else {
                collectValues(yaml, value, byEnd, seen);
            }
        }
    }

    private static Site site(ConfigFile file, YamlText yaml, ScalarNode value, Part part, String repository) {
        int start = yaml.valueStart(value);
        int line = yaml.lineOf(start);
        if (!YamlText.isOneLine(value)) {
            throw new YamlText.Uneditable(
                    "the value marked on line " + line + " holds several lines; an image" + " reference is one");
        }
        String current = YamlText.valueOf(value);
        ImageOccurrence occurrence = switch (part) {
            case TAG -> new ImageOccurrence(file.path(), line, EditKind.HELM_VALUES, current, null);
            case DIGEST -> new ImageOccurrence(file.path(), line, EditKind.HELM_VALUES, null, current);
            case WHOLE -> whole(file, line, current, repository);
        };
        return new Site(start, occurrence, target -> switch (part) {
            case TAG -> target.tag() == null ? List.of() : List.of(yaml.replace(value, target.tag()));
            case DIGEST -> List.of(yaml.replace(value, target.digest()));
            case WHOLE -> List.of(yaml.replace(value, target.reference()));
        });
    }

    private static ImageOccurrence whole(ConfigFile file, int line, String current, String repository) {
        if (current == null) {
            return new ImageOccurrence(file.path(), line, EditKind.HELM_VALUES, null, null);
        }
        ImageReference reference = ImageReference.parse(current);
        if (!reference.repository().equals(repository)) {
            throw new YamlText.Uneditable("line " + line + " is marked for " + repository + " but names "
                    + reference.repository() + "; correct the value or the marker");
        }
        return new ImageOccurrence(file.path(), line, EditKind.HELM_VALUES, reference.tag(), reference.digest());
    }
}

package dev.plumbline.imageupdater.edit;

import dev.plumbline.imageupdater.edit.ConfigFiles.ConfigFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Entries of a kustomization's {@code images:} for the repository: the one whose {@code newName} is it, or whose
 * {@code name} is it when there is no {@code newName} (with a {@code newName}, the name is only what is replaced).
 * Their {@code newTag} and {@code digest} are set; a missing key is added after the entry's last one, in the
 * entry's indentation (or inside its braces when it is written as a flow mapping).
 */
final class KustomizeImages {

    private static final Set<String> FILE_NAMES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private KustomizeImages() {}

    static boolean isKustomization(ConfigFile file) {
        return FILE_NAMES.contains(file.name());
    }

    static List<Site> sites(ConfigFile file, YamlText yaml, List<Node> documents, String repository) {
        List<Site> sites = new ArrayList<>();
        if (!isKustomization(file) || documents.isEmpty() || !(documents.get(0) instanceof MappingNode root)) {
            return sites;
        }
        if (!(YamlText.valueOf(root, "images") instanceof SequenceNode images)) {
            return sites;
        }
        for (Node item : images.getValue()) {
            if (item instanceof MappingNode entry && names(entry, repository)) {
                sites.add(site(file, yaml, entry));
            }
        }
        return sites;
    }

    private static boolean names(MappingNode entry, String repository) {
        Node newName = YamlText.valueOf(entry, "newName");
        Node name = YamlText.valueOf(entry, "name");
        Node effective = newName != null ? newName : name;
        return effective instanceof ScalarNode scalar && repository.equals(scalar.getValue());
    }

    private static Site site(ConfigFile file, YamlText yaml, MappingNode entry) {
        ScalarNode tag = scalarOrNull(YamlText.valueOf(entry, "newTag"));
        ScalarNode digest = scalarOrNull(YamlText.valueOf(entry, "digest"));
        int start = yaml.offset(entry.getStartMark());
        int line = yaml.lineOf(tag != null ? yaml.valueStart(tag) : start);
        ImageOccurrence occurrence = new ImageOccurrence(
                file.path(),
                line,
                EditKind.KUSTOMIZE_IMAGES,
                tag == null ? null : YamlText.valueOf(tag),
                digest == null ? null : YamlText.valueOf(digest));
        return new Site(start, occurrence, target -> splices(yaml, entry, tag, digest, target));
    }

    private static ScalarNode scalarOrNull(Node node) {
        if (node != null && !(node instanceof ScalarNode scalar && YamlText.isOneLine(scalar))) {
            throw new YamlText.Uneditable(
                    "the value on line " + (node.getStartMark().getLine() + 1)
                            + " is not a one-line text, which is all an image tag or digest can be");
        }
        return (ScalarNode) node;
    }

    private static List<Splice> splices(
            YamlText yaml, MappingNode entry, ScalarNode tag, ScalarNode digest, ImageTarget target) {
        List<Splice> splices = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (target.tag() != null) {
            if (tag == null) {
                missing.add("newTag: " + YamlText.render(target.tag(), ScalarStyle.PLAIN));
            } else {
                splices.add(yaml.replace(tag, target.tag()));
            }
        }
        if (digest == null) {
            missing.add("digest: " + YamlText.render(target.digest(), ScalarStyle.PLAIN));
        } else {
            splices.add(yaml.replace(digest, target.digest()));
        }
        if (!missing.isEmpty()) {
            splices.add(addKeys(yaml, entry, missing));
        }
        return splices;
    }

    private static Splice addKeys(YamlText yaml, MappingNode entry, List<String> lines) {
        String text = yaml.text();
        ScalarNode last = YamlText.lastScalar(entry);
        int lastEnd = last == null ? yaml.offset(entry.getEndMark()) : yaml.valueEnd(last);
        if (entry.getFlowStyle() == FlowStyle.FLOW) {
            return new Splice(lastEnd, lastEnd, ", " + String.join(", ", lines));
        }
        int firstKey = yaml.offset(entry.getValue().get(0).getKeyNode().getStartMark());
        String indent = " ".repeat(firstKey - yaml.lineStart(firstKey));
        String eol = yaml.lineEnding();
        StringBuilder added = new StringBuilder();
        for (String line : lines) {
            added.append(indent).append(line).append(eol);
        }
        int newline = text.indexOf('\n', lastEnd);
        if (newline < 0) {
            return new Splice(text.length(), text.length(), eol + added.substring(0, added.length() - eol.length()));
        }
        return new Splice(newline + 1, newline + 1, added.toString());
    }
}

package dev.plumbline.imageupdater.edit;

import dev.plumbline.imageupdater.edit.ConfigFiles.ConfigFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code image:} of containers and init containers in Kubernetes manifests (documents with an
 * {@code apiVersion} and a {@code kind}, at any depth: pod templates, CronJobs, items of a List) that names the
 * repository, with or without a tag or digest. A values file is not a manifest, so its images change only where
 * marked.
 */
final class ContainerImages {

    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers");

    private ContainerImages() {}

    static List<Site> sites(ConfigFile file, YamlText yaml, List<Node> documents, String repository) {
        List<Site> sites = new ArrayList<>();
        if (KustomizeImages.isKustomization(file)) {
            return sites;
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node document : documents) {
            if (document instanceof MappingNode object
                    && YamlText.valueOf(object, "apiVersion") != null
                    && YamlText.valueOf(object, "kind") != null) {
                walk(file, yaml, object, repository, sites, seen);
            }
        }
        return sites;
    }

    private static void walk(
            ConfigFile file, YamlText yaml, Node node, String repository, List<Site> sites, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> walk(file, yaml, item, repository, sites, seen));
            return;
        }
        if (!(node instanceof MappingNode mapping)) {
            return;
        }
        for (NodeTuple pair : mapping.getValue()) {
            if (pair.getKeyNode() instanceof ScalarNode key
                    && CONTAINER_LISTS.contains(key.getValue())
                    && pair.getValueNode() instanceof SequenceNode containers) {
                for (Node container : containers.getValue()) {
                    if (container instanceof MappingNode fields
                            && YamlText.valueOf(fields, "image") instanceof ScalarNode image) {
                        addIfNamed(file, yaml, image, repository, sites);
                    }
                }
            }
            walk(file, yaml, pair.getValueNode(), repository, sites, seen);
        }
    }

    private static void addIfNamed(
            ConfigFile file, YamlText yaml, ScalarNode image, String repository, List<Site> sites) {
        String current = YamlText.valueOf(image);
        if (current == null || !YamlText.isOneLine(image)) {
            return;
        }
        ImageReference reference = ImageReference.parse(current.strip());
        if (!reference.repository().equals(repository)) {
            return;
        }
        int start = yaml.valueStart(image);
        ImageOccurrence occurrence = new ImageOccurrence(
                file.path(), yaml.lineOf(start), EditKind.PLAIN_MANIFEST, reference.tag(), reference.digest());
        sites.add(new Site(start, occurrence, target -> List.of(yaml.replace(image, target.reference()))));
    }
}

package dev.plumbline.imageupdater.edit;

import dev.plumbline.imageupdater.edit.ConfigFiles.ConfigFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Finds and edits the references to an image repository in the YAML files under an app's path in a checked-out
 * config repository: kustomization {@code images:} entries, values marked {@code # plumbline:image <repository>}
 * and container images in manifests. Only the referenced text changes; the rest of each file stays byte for byte.
 * Pure: it reads the checkout and returns the new texts, which the caller writes and commits.
 */
public final class ImageEditor {

    private static final Logger LOG = Logger.getLogger(ImageEditor.class);

    /** A file that names the repository, with its references. */
    private record Found(ConfigFile file, YamlText yaml, List<Site> sites) {}

    /** What one look under the app's path saw. */
    private record Scan(List<Found> found, List<String> lookedAt, List<String> skipped) {}

    /**
     * The references to {@code repository} as they are now, by file and line; empty when there is none.
     *
     * @throws ImageEditException when the app's path leaves the checkout
     */
    public List<ImageOccurrence> find(Path checkout, String appPath, String repository) {
        Scan scan = scan(checkout, appPath, repository);
        return scan.found().stream()
                .flatMap(found -> found.sites().stream().map(Site::occurrence))
                .sorted(Comparator.comparing(ImageOccurrence::file).thenComparingInt(ImageOccurrence::line))
                .toList();
    }

    /**
     * The files whose text changes when every reference to the target's repository names the target; a file already
     * naming it is not among them, so an empty list means nothing would change.
     *
     * @throws NoImageReferenceException when no file under the app's path names the repository
     * @throws ImageEditException        when the app's path leaves the checkout
     */
    public List<FileEdit> edit(Path checkout, String appPath, ImageTarget target) {
        Scan scan = scan(checkout, appPath, target.repository());
        if (scan.found().isEmpty()) {
            throw noReference(appPath, target.repository(), scan);
        }
        List<FileEdit> edits = new ArrayList<>();
        for (Found found : scan.found()) {
            List<Splice> splices = found.sites().stream()
                    .flatMap(site -> site.splices().apply(target).stream())
                    .toList();
            String before = found.yaml().text();
            String after = Splice.apply(before, splices);
            if (!after.equals(before)) {
                edits.add(new FileEdit(
                        found.file().path(),
                        before,
                        after,
                        found.sites().get(0).occurrence().kind()));
            }
        }
        return edits;
    }

    private static Scan scan(Path checkout, String appPath, String repository) {
        ConfigFiles files = ConfigFiles.under(checkout, appPath);
        List<Found> found = new ArrayList<>();
        List<String> lookedAt = new ArrayList<>();
        List<String> skipped = new ArrayList<>(files.skipped());
        for (ConfigFile file : files.files()) {
            lookedAt.add(file.path());
            // a reference is written out in full in any of the three forms, so other files need no parsing
            if (!file.text().contains(repository)) {
                continue;
            }
            try {
                YamlText yaml = new YamlText(file.text());
                List<Site> sites = sites(file, yaml, yaml.documents(), repository);
                if (!sites.isEmpty()) {
                    found.add(new Found(file, yaml, sites));
                }
            } catch (YAMLException notYaml) {
                skipped.add(file.path() + " (not YAML: " + firstLine(notYaml.getMessage()) + ")");
            } catch (YamlText.Uneditable uneditable) {
                skipped.add(file.path() + " (" + uneditable.getMessage() + ")");
            }
        }
        if (!skipped.isEmpty()) {
            LOG.warnf("Looking for %s under '%s', skipped %s", repository, appPath, String.join(", ", skipped));
        }
        return new Scan(found, lookedAt, skipped);
    }

    /** Kustomize entries first, then marked values, then container images; one scalar counts once. */
    private static List<Site> sites(ConfigFile file, YamlText yaml, List<Node> documents, String repository) {
        List<Site> all = new ArrayList<>();
        all.addAll(KustomizeImages.sites(file, yaml, documents, repository));
        all.addAll(MarkedValues.sites(file, yaml, documents, repository));
        all.addAll(ContainerImages.sites(file, yaml, documents, repository));
        Set<Integer> starts = new HashSet<>();
        return all.stream().filter(site -> starts.add(site.start())).toList();
    }

    private static NoImageReferenceException noReference(String appPath, String repository, Scan scan) {
        StringBuilder message = new StringBuilder("no file under '")
                .append(appPath)
                .append("' names ")
                .append(repository)
                .append(": looked at ")
                .append(scan.lookedAt().isEmpty() ? "no YAML file" : String.join(", ", scan.lookedAt()));
        if (!scan.skipped().isEmpty()) {
            message.append("; skipped ").append(String.join(", ", scan.skipped()));
        }
        message.append(". Name the image in a kustomization's images: entry, in a container's image: of a manifest,"
                        + " or mark a values line with '# ")
                .append(MarkedValues.MARK)
                .append(' ')
                .append(repository)
                .append('\'');
        return new NoImageReferenceException(message.toString(), scan.lookedAt());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip().lines().findFirst().orElse("unreadable");
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}

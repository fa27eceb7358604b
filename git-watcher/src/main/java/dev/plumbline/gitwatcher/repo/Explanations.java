package dev.plumbline.gitwatcher.repo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words of a commit event that deploys nothing, so that "my new manifest never appears" has an answer, for
 * example: "commit 1a2b3c4 changed overlays/prod/web.yaml; no Application watches that path; Application web watches
 * overlays/production on branch main".
 */
public final class Explanations {

    private static final int PATHS_SHOWN = 5;
    private static final int SHORT_SHA = 7;

    private Explanations() {}

    /**
     * A commit whose files no Application of its ref covers.
     *
     * @param resolvedRefs each watched revision's resolved ref, to say "branch main" for "main"
     */
    public static String outsideEveryPath(
            String sha,
            List<String> changedPaths,
            List<WatchingApplication> watchers,
            Map<String, String> resolvedRefs) {
        String which = changedPaths.size() == 1 ? "that path" : "those paths";
        return "commit " + shortSha(sha) + " changed " + listPaths(changedPaths) + "; no Application watches " + which
                + "; " + describeWatchers(watchers, resolvedRefs);
    }

    /** A commit on a branch or tag that no Application follows. */
    public static String unwatchedRef(
            String sha, String ref, List<WatchingApplication> watchers, Map<String, String> resolvedRefs) {
        return "commit " + shortSha(sha) + " landed on " + RevisionResolver.describe(ref)
                + ", which no Application watches; " + describeWatchers(watchers, resolvedRefs);
    }

    static String describeWatchers(List<WatchingApplication> watchers, Map<String, String> resolvedRefs) {
        return watchers.stream()
                .map(w -> "Application " + w.app() + " watches "
                        + (w.path().isEmpty() ? "the whole repository" : w.path())
                        + " on " + describeRevision(w.targetRevision(), resolvedRefs))
                .collect(Collectors.joining("; "));
    }

    private static String describeRevision(String revision, Map<String, String> resolvedRefs) {
        String ref = resolvedRefs.get(revision);
        if (ref != null && !"HEAD".equals(ref)) {
            String described = RevisionResolver.describe(ref);
            return "HEAD".equals(revision) || revision.isEmpty() ? "the default " + described : described;
        }
        return "HEAD".equals(revision) ? "the default branch" : "revision " + revision;
    }

    private static String listPaths(List<String> paths) {
        if (paths.isEmpty()) {
            return "no file";
        }
        String shown = String.join(", ", paths.subList(0, Math.min(PATHS_SHOWN, paths.size())));
        return paths.size() > PATHS_SHOWN ? shown + " and " + (paths.size() - PATHS_SHOWN) + " more" : shown;
    }

    private static String shortSha(String sha) {
        return sha.length() > SHORT_SHA ? sha.substring(0, SHORT_SHA) : sha;
    }
}

package dev.plumbline.renderer.render;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The repository paths (folders and files) an Application reads at a revision: its own path, plus what it names
 * outside it (Kustomize bases and components, Helm value files, local chart dependencies). A commit affects the
 * Application only when it changes a path under one of them.
 *
 * @param paths repository paths without a leading or trailing {@code /}; {@code ""} is the whole repository
 */
public record InputSet(List<String> paths) {

    public InputSet {
        paths = List.copyOf(new TreeSet<>(paths));
    }

    public static InputSet of(Collection<String> paths) {
        return new InputSet(List.copyOf(paths));
    }

    /** Whether a change to any of these repository paths changes what the Application reads. */
    public boolean touchedBy(Collection<String> changedPaths) {
        for (String changed : changedPaths) {
            for (String input : paths) {
                if (input.isEmpty() || changed.equals(input) || changed.startsWith(input + "/")) {
                    return true;
                }
            }
        }
        return false;
    }
}

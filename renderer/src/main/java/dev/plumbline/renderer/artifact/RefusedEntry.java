package dev.plumbline.renderer.artifact;

import dev.plumbline.events.vocabulary.RenderFailureReason;

/**
 * A tarball entry left out of the extracted tree because following it could read or write outside the repository.
 * Only the Applications that read it fail; the rest of the repository still renders.
 *
 * @param name the entry name as the tarball gives it
 * @param why    what is wrong with it, as a person reads it
 * @param reason the reason the Applications that read it fail with
 */
public record RefusedEntry(String name, String why, RenderFailureReason reason) {

    /** Whether an Application reading {@code input} (a repository file or folder) would read this entry. */
    public boolean isUnder(String input) {
        String normalized = normalizedName();
        return input.isEmpty() || normalized.equals(input) || normalized.startsWith(input + "/");
    }

    /** Whether the repository path is this entry or lies under it (reached through it, were it a folder link). */
    public boolean covers(String repositoryPath) {
        String normalized = normalizedName();
        return repositoryPath.equals(normalized) || repositoryPath.startsWith(normalized + "/");
    }

    private String normalizedName() {
        return name.startsWith("./") ? name.substring(2) : name;
    }
}

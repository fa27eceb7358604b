package dev.plumbline.renderer.artifact;

/**
 * A tarball entry left out of the extracted tree because following it could read or write outside the repository.
 * Only the Applications that read it fail; the rest of the repository still renders.
 *
 * @param name the entry name as the tarball gives it
 * @param why  what is wrong with it, as a person reads it
 */
public record RefusedEntry(String name, String why) {

    /** Whether an Application reading {@code input} (a repository file or folder) would read this entry. */
    public boolean isUnder(String input) {
        String normalized = name.startsWith("./") ? name.substring(2) : name;
        return input.isEmpty() || normalized.equals(input) || normalized.startsWith(input + "/");
    }
}

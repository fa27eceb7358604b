package dev.plumbline.imageupdater.edit;

/**
 * A place a config file names the repository, as it is now: the file (relative to the checkout), the 1-based line,
 * how it is written and the tag and digest it holds (null when absent). A Helm value marked {@code :tag} holds only a
 * tag and one marked {@code :digest} only a digest.
 */
public record ImageOccurrence(String file, int line, EditKind kind, String tag, String digest) {

    /** The reference this occurrence makes to {@code repository}, e.g. for "old -> new" in a pull request. */
    public String reference(String repository) {
        return ImageReference.format(repository, tag, digest);
    }
}

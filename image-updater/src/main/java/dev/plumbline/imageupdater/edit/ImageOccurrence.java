package dev.plumbline.imageupdater.edit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * The reference the files hold, for a pull request's "previous image": the first tag and the first digest among
     * the occurrences (in {@link ImageEditor#find} order), so a tag and a digest written apart make one reference;
     * empty when they hold neither.
     */
    public static Optional<String> previous(String repository, List<ImageOccurrence> occurrences) {
        Optional<String> tag = occurrences.stream()
                .map(ImageOccurrence::tag)
                .filter(Objects::nonNull)
                .findFirst();
        Optional<String> digest = occurrences.stream()
                .map(ImageOccurrence::digest)
                .filter(Objects::nonNull)
                .findFirst();
        if (tag.isEmpty() && digest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ImageReference.format(repository, tag.orElse(null), digest.orElse(null)));
    }
}

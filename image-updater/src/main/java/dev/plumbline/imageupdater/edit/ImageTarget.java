package dev.plumbline.imageupdater.edit;

import java.util.regex.Pattern;

/**
 * The image the config files should name: a repository as written in them, a tag (null to pin the digest alone)
 * and the digest that is always pinned. The parts are checked here, because they come from a registry or a CI call
 * and end up spliced into YAML: anything outside the OCI grammar (a space, a quote, a newline, a {@code #}) is
 * refused rather than written.
 */
public record ImageTarget(String repository, String tag, String digest) {

    private static final Pattern REPOSITORY =
            Pattern.compile("([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+([+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}");

    public ImageTarget {
        if (repository == null || !REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("'" + repository + "' is not an image repository such as"
                    + " registry.example.com/team/web (lower case, no tag or digest)");
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("'" + tag + "' is not an image tag: up to 128 letters, digits, '_',"
                    + " '.' and '-', not starting with '.' or '-'");
        }
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("'" + digest + "' is not an image digest such as sha256:<64 hex>;"
                    + " a promotion always pins the digest");
        }
    }

    /** {@code repository:tag@digest}, or {@code repository@digest} without a tag. */
    public String reference() {
        return ImageReference.format(repository, tag, digest);
    }
}

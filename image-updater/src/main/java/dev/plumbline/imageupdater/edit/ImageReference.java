package dev.plumbline.imageupdater.edit;

/**
 * An image reference as written in a file, split into repository, tag and digest (either may be null). The tag is
 * what follows the last {@code :} after the last {@code /}, so a registry port is not taken for a tag.
 */
record ImageReference(String repository, String tag, String digest) {

    static ImageReference parse(String text) {
        String rest = text;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(rest, tag, digest);
    }

    static String format(String repository, String tag, String digest) {
        return repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}

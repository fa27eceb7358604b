package dev.plumbline.engine.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kinds of repository URL an Application may name, as Flux allows them: {@code https://}, {@code http://}
 * (unencrypted, for a server on a trusted network) and {@code ssh://} or its scp-like form {@code git@host:path}.
 * A {@code file://} URL or a local path would make the git-watcher read its own disk, such as another team's mirror
 * under its data folder; {@code git://} is neither encrypted nor authenticated. Both the reconciler (the
 * Application's {@code InvalidSpec} condition) and the git-watcher (which never fetches it) ask this one rule.
 */
public final class RepoUrlScheme {

    private static final Set<String> ALLOWED = Set.of("https", "http", "ssh");

    /** {@code [user@]host:path}: a colon before any slash, a host of two characters or more (not a drive letter). */
    private static final Pattern SCP_LIKE = Pattern.compile("([^@/:\\s]+@)?[A-Za-z0-9][A-Za-z0-9.-]+:[^:/\\\\-].*");

    private RepoUrlScheme() {}

    /** Why the URL may not be fetched, naming what is allowed; empty when it may. */
    public static Optional<String> refusal(String repoUrl) {
        String text = repoUrl == null ? "" : repoUrl.trim();
        if (text.isEmpty()) {
            return Optional.of("repoURL is required");
        }
        if (!text.contains("://")) {
            return SCP_LIKE.matcher(text).matches() ? Optional.empty() : Optional.of(refused(text, "a local path"));
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!ALLOWED.contains(scheme)) {
                return Optional.of(refused(text, "a " + scheme + ":// URL"));
            }
            if (uri.getHost() == null || uri.getHost().startsWith("-")) {
                return Optional.of(refused(text, "a URL without a host name"));
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(refused(text, "not a URL (" + e.getReason() + ")"));
        }
    }

    private static String refused(String url, String what) {
        return "repoURL must be https://, http:// (unencrypted) or ssh:// (or scp-like git@host:path), and \""
                + withoutPassword(url) + "\" is " + what + "; local paths and file:// are refused, as they would read"
                + " the git-watcher's own disk";
    }

    /** A URL's user and password are not repeated in a message. */
    private static String withoutPassword(String url) {
        return url.replaceAll("//[^/@]*@", "//");
    }
}

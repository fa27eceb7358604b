package dev.plumbline.gitwatcher.repo;

import dev.plumbline.engine.application.RepoLocation;
import dev.plumbline.engine.application.RepoUrlScheme;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A repository URL reduced to the forms the service compares. Applications may spell one repository several ways
 * ({@code …/repo}, {@code …/repo.git}, {@code …/Repo/}); they share one mirror, as in Argo CD.
 *
 * @param normalized scheme, host, port and path, lowercase, without user, trailing slash or {@code .git}
 * @param matchKey   host and path only: what webhook payload URLs are matched on, since a host names one repository
 *                   by its HTTPS and its SSH URL (with another port and user)
 */
public record RepoUrl(String normalized, String matchKey) {

    private static final int KEY_LENGTH = 16;

    /**
     * @throws IllegalArgumentException when the text is not a URL, or not one of https, http or ssh: a local path or
     *                                  {@code file://} URL would read this service's own disk
     */
    public static RepoUrl of(String raw) {
        Optional<String> refusal = RepoUrlScheme.refusal(raw);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException(refusal.get());
        }
        URI uri = parse(raw);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = trimPath(uri.getPath() == null ? "" : uri.getPath());
        String normalized = scheme + "://" + host + port + "/" + path;
        String matchKey = host.isEmpty() ? path : host + "/" + path;
        return new RepoUrl(normalized, matchKey);
    }

    /** The match key of a URL found in a webhook payload; empty when it is not a URL. */
    public static Optional<String> matchKeyOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(raw).matchKey());
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }

    /**
     * A stable, URL-safe id of the repository: the first 16 hex digits of the sha256 of the normalized URL. It names
     * the mirror folder and the artifacts' path, so it never carries the URL's text (or a user name in it).
     */
    public String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, KEY_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether a text has the shape of a repository key, before it is looked up. */
    public static boolean isKey(String text) {
        return text != null && text.length() == KEY_LENGTH && text.chars().allMatch(RepoUrl::isLowerHex);
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** The URL as a URI, an scp-like SSH address ({@code git@host:org/repo}) turned into {@code ssh://}. */
    static URI parse(String raw) {
        return RepoLocation.uri(raw);
    }

    private static String trimPath(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.endsWith(".git")) {
            p = p.substring(0, p.length() - 4);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    /** Drops a user and password from a URL before it is shown in an error. */
    static String safe(String raw) {
        return RepoLocation.withoutPassword(raw);
    }
}
